import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { BODY_TYPES } from '../rule-set.js';
import { resolveBodyRules } from '../resolve-body-rules.js';
import { RULE_FIELDS } from '../tightness.js';
import { arbRuleSet, tighten } from './arbitraries.js';

// The property "tightening never turns a blocker into a pass" is only as good as `tighten`.
describe('tighten (test generator)', () => {
  it('only ever makes fields tighter or leaves them alone', () => {
    fc.assert(
      fc.property(
        arbRuleSet.chain((rs) => fc.tuple(fc.constant(rs), tighten(rs))),
        ([ruleSet, tighter]) => {
          for (const type of BODY_TYPES) {
            for (const body of [
              { id: 'parent', type },
              { id: 'other', type },
            ]) {
              const before = resolveBodyRules(ruleSet, body);
              const after = resolveBodyRules(tighter, body);
              for (const field of RULE_FIELDS) {
                if (field.path === 'remoteParticipation.decision' || field.path.startsWith('breakoutRooms.')) continue;
                const change = field.compare(field.get(before), field.get(after));
                assert.ok(change === 'same' || change === 'tighter', `${type} ${field.path}: ${change}`);
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does tighten something in most runs', () => {
    const samples = fc.sample(
      arbRuleSet.chain((rs) => fc.tuple(fc.constant(rs), tighten(rs))),
      { numRuns: 50, seed: 42 },
    );
    const changed = samples.filter(([a, b]) => JSON.stringify(a.bodyTypes) !== JSON.stringify(b.bodyTypes)).length;
    assert.ok(changed >= 40, `only ${changed} of 50 changed`);
  });
});
