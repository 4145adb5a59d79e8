import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { REGIONAL_TEMPLATE } from './regional-template.js';
import { adoptTemplate } from './rule-set-diff.js';
import { newDraftFrom, publishRuleSet, updateDraft } from './rule-set-lifecycle.js';
import { KF_DECISION } from './testing/fixtures.js';

const draft = () => adoptTemplate(REGIONAL_TEMPLATE, { municipalityId: 'timra', version: 1, decision: KF_DECISION, effectiveFrom: '2021-03-01' });

describe('rule-set lifecycle', () => {
  it('lets a draft be edited', () => {
    const current = draft();
    const next = structuredClone(current);
    next.bodyTypes.council.maxRemoteParticipants = 10;
    const result = updateDraft(current, next);
    assert.ok(result.ok);
    assert.equal(result.version.bodyTypes.council.maxRemoteParticipants, 10);
  });

  it('refuses edits to a published version', () => {
    const published = publishRuleSet(draft(), '2021-02-20T10:00:00+01:00');
    assert.ok(published.ok);
    assert.equal(published.version.status, 'published');
    assert.equal(published.version.publishedAt, '2021-02-20T10:00:00+01:00');
    const next = structuredClone(published.version);
    next.bodyTypes.council.maxRemoteParticipants = 10;
    const result = updateDraft(published.version, next);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'PUBLISHED_VERSION_IMMUTABLE');
    assert.equal(publishRuleSet(published.version, '2021-02-21T10:00:00Z').ok, false);
  });

  it('refuses a draft edit that changes its identity or publishes itself', () => {
    const current = draft();
    const result = updateDraft(current, { ...current, status: 'published', publishedAt: '2021-02-20T10:00:00Z' });
    assert.equal(!result.ok && result.code, 'VERSION_IDENTITY_CHANGED');
    assert.equal(!updateDraft(current, { ...current, version: 2 }).ok && 'refused', 'refused');
  });

  it('refuses to publish a rule set that loosens the law, listing why', () => {
    const loose = draft();
    loose.bodyTypes.council.excludedItemKinds = ['closed_vote'];
    const result = publishRuleSet(loose, '2021-02-20T10:00:00Z');
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'RULE_SET_INVALID');
    assert.deepEqual(!result.ok && result.violations.map((v) => v.code), ['EXCLUDED_KIND_REMOVED']);
    assert.equal(!publishRuleSet(draft(), 'tomorrow').ok && 'refused', 'refused');
  });

  it('starts a new draft from a published version without touching it', () => {
    const published = publishRuleSet(draft(), '2021-02-20T10:00:00Z');
    assert.ok(published.ok);
    const next = newDraftFrom(published.version, 2, { decision: { reference: 'KF 2021-09-27 § 101', decidedBy: 'council' }, effectiveFrom: '2021-10-01' });
    assert.equal(next.status, 'draft');
    assert.equal(next.version, 2);
    assert.equal(next.publishedAt, null);
    next.bodyTypes.council.excludedItemKinds.push('personnel');
    assert.deepEqual(published.version.bodyTypes.council.excludedItemKinds, ['confidential', 'closed_vote']);
  });
});
