import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { REGIONAL_TEMPLATE } from './regional-template.js';
import { adoptTemplate, diffRuleSets } from './rule-set-diff.js';
import { KF_DECISION } from './testing/fixtures.js';

const adopt = (changes: Partial<Parameters<typeof adoptTemplate>[1]> = {}) =>
  adoptTemplate(REGIONAL_TEMPLATE, { municipalityId: 'timra', version: 1, decision: KF_DECISION, effectiveFrom: '2021-03-01', ...changes });

describe('adoptTemplate', () => {
  it('makes a draft that records the template and shares no structure with it', () => {
    const draft = adopt();
    assert.equal(draft.status, 'draft');
    assert.equal(draft.publishedAt, null);
    assert.equal(draft.templateId, REGIONAL_TEMPLATE.id);
    assert.deepEqual(draft.bodyTypes, REGIONAL_TEMPLATE.bodyTypes);
    draft.bodyTypes.council.excludedItemKinds.push('personnel');
    draft.bodyTypes.council.breakoutRooms.minutesBefore = 5;
    assert.deepEqual(REGIONAL_TEMPLATE.bodyTypes.council.excludedItemKinds, ['confidential', 'closed_vote']);
    assert.equal(REGIONAL_TEMPLATE.bodyTypes.council.breakoutRooms.minutesBefore, 30);
  });

  it('lays the overrides on top, merging nested objects', () => {
    const draft = adopt({ bodyTypes: { council: { maxRemoteParticipants: 8, breakoutRooms: { minutesAfter: 30 } } } });
    assert.equal(draft.bodyTypes.council.maxRemoteParticipants, 8);
    assert.equal(draft.bodyTypes.council.breakoutRooms.minutesAfter, 30);
    assert.equal(draft.bodyTypes.council.breakoutRooms.minutesBefore, 30);
  });
});

describe('diffRuleSets', () => {
  it('finds nothing between the template and an unchanged adoption', () => {
    assert.deepEqual(diffRuleSets(REGIONAL_TEMPLATE, adopt()), []);
  });

  it('lists each changed field with both values and which way it goes', () => {
    const municipal = adopt({
      bodyTypes: {
        council: {
          excludedItemKinds: ['confidential', 'closed_vote', 'personnel'],
          identityCheck: 'e_id',
          approvedPlatforms: ['teams', 'inera_digitala_moten', 'zoom'],
          equalTerms: 'room_and_speaker',
        },
        committee: { approvedPlatforms: ['jitsi_meet', 'lifesize'], requiredSupport: [] },
      },
    });
    assert.deepEqual(diffRuleSets(REGIONAL_TEMPLATE, municipal), [
      {
        path: 'bodyTypes.council.excludedItemKinds',
        templateValue: ['confidential', 'closed_vote'],
        municipalValue: ['confidential', 'closed_vote', 'personnel'],
        change: 'tighter',
      },
      { path: 'bodyTypes.council.equalTerms', templateValue: 'all_can_see_all', municipalValue: 'room_and_speaker', change: 'looser' },
      {
        path: 'bodyTypes.council.approvedPlatforms',
        templateValue: ['jitsi_meet', 'teams', 'inera_digitala_moten'],
        municipalValue: ['teams', 'inera_digitala_moten', 'zoom'],
        change: 'other',
      },
      { path: 'bodyTypes.council.identityCheck', templateValue: 'municipal_account', municipalValue: 'e_id', change: 'tighter' },
      {
        path: 'bodyTypes.committee.approvedPlatforms',
        templateValue: ['jitsi_meet', 'teams', 'inera_digitala_moten'],
        municipalValue: ['jitsi_meet', 'lifesize'],
        change: 'other',
      },
      { path: 'bodyTypes.committee.requiredSupport', templateValue: [{ role: 'it_support', count: 1 }], municipalValue: [], change: 'looser' },
    ]);
  });

  it('treats lists as sets, and null limits as unlimited', () => {
    const municipal = adopt({
      bodyTypes: { council: { excludedItemKinds: ['closed_vote', 'confidential'], maxRemoteParticipants: 9, approvedPlatforms: ['teams'] } },
    });
    assert.deepEqual(
      diffRuleSets(REGIONAL_TEMPLATE, municipal).map((d) => [d.path, d.change]),
      [
        ['bodyTypes.council.maxRemoteParticipants', 'tighter'],
        ['bodyTypes.council.approvedPlatforms', 'tighter'],
      ],
    );
  });

  it('shows per-body overrides under their body, for the fields they touch', () => {
    const municipal = adopt({
      bodies: {
        'bun-1': { bodyType: 'committee', name: 'Barn- och utbildningsnämnden', rules: { maxRemoteParticipants: 4, remoteParticipation: { allowed: false } } },
      },
    });
    assert.deepEqual(diffRuleSets(REGIONAL_TEMPLATE, municipal), [
      { path: 'bodies.bun-1.remoteParticipation.allowed', templateValue: true, municipalValue: false, change: 'tighter' },
      { path: 'bodies.bun-1.maxRemoteParticipants', templateValue: null, municipalValue: 4, change: 'tighter' },
    ]);
  });
});
