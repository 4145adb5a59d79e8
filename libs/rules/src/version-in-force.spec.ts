import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { publishedVersion } from './testing/fixtures.js';
import { selectVersionInForce } from './version-in-force.js';

describe('selectVersionInForce', () => {
  const v1 = publishedVersion({ version: 1, effectiveFrom: '2020-05-01', publishedAt: '2020-04-21T08:00:00Z' });
  const v2 = publishedVersion({ version: 2, effectiveFrom: '2021-01-01', publishedAt: '2020-12-15T08:00:00Z' });
  const v3 = publishedVersion({ version: 3, effectiveFrom: '2021-01-01', publishedAt: '2020-12-20T08:00:00Z' });

  it('picks the latest effective version on the Stockholm date', () => {
    assert.equal(selectVersionInForce([v1, v2], '2020-12-31T12:00:00Z')?.version, 1);
    assert.equal(selectVersionInForce([v2, v1], '2021-01-01T10:00:00+01:00')?.version, 2);
  });

  it('uses the Stockholm date, not the UTC date', () => {
    // 23:30 UTC on New Year's Eve is already 1 January in Stockholm.
    assert.equal(selectVersionInForce([v1, v2], '2020-12-31T23:30:00Z')?.version, 2);
  });

  it('prefers the higher version number on the same effective date', () => {
    assert.equal(selectVersionInForce([v3, v2, v1], '2021-02-01T10:00:00Z')?.version, 3);
  });

  it('ignores drafts and versions published after the meeting started', () => {
    const draft = { ...v2, status: 'draft' as const, publishedAt: null };
    assert.equal(selectVersionInForce([v1, draft], '2021-02-01T10:00:00Z')?.version, 1);
    const late = publishedVersion({ version: 4, effectiveFrom: '2020-06-01', publishedAt: '2021-03-01T08:00:00Z' });
    assert.equal(selectVersionInForce([v1, late], '2021-02-01T10:00:00Z')?.version, 1);
    assert.equal(selectVersionInForce([v1, late], '2021-03-02T10:00:00Z')?.version, 4);
  });

  it('returns null when nothing is in force or the start cannot be read', () => {
    assert.equal(selectVersionInForce([v2], '2020-06-01T10:00:00Z'), null);
    assert.equal(selectVersionInForce([], '2021-06-01T10:00:00Z'), null);
    assert.equal(selectVersionInForce([v1], 'soon'), null);
  });
});
