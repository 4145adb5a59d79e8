import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { evaluateMeeting, type MeetingEvaluation } from './evaluate-meeting.js';
import { itemKinds } from './remote-eligibility.js';
import { arbFacts, arbInput, arbPlan, arbRuleSet, tighten } from './testing/arbitraries.js';

const RUNS = { numRuns: 300 };

const blockerKeys = (e: MeetingEvaluation) => new Set(e.findings.filter((f) => f.severity === 'blocker').map((f) => `${f.code}|${f.memberId}|${f.itemId}`));

describe('evaluateMeeting properties', () => {
  it('never counts a remote member on an excluded item', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const e = evaluateMeeting(input);
        // The first entry for an id is the one evaluated; later duplicates are reported and ignored.
        const modeOf = new Map<string, string>();
        for (const m of input.plan.members) if (!modeOf.has(m.id)) modeOf.set(m.id, m.mode);
        const excluded = new Set(e.rules.excludedItemKinds);
        for (const item of input.plan.agenda) {
          if (!itemKinds(item).some((k) => excluded.has(k))) continue;
          for (const q of e.quorum.filter((x) => x.itemId === item.id)) {
            assert.equal(q.countedRemote, 0);
            assert.ok(q.countedMemberIds.every((id) => modeOf.get(id) !== 'remote'));
          }
          assert.ok(e.remoteEligibility.filter((c) => c.itemId === item.id).every((c) => !c.mayTakePartRemotely));
        }
      }),
      RUNS,
    );
  });

  it('tightening a rule never turns a blocker into a pass', () => {
    fc.assert(
      fc.property(
        arbPlan.chain((plan) =>
          fc.tuple(
            fc.constant(plan),
            arbFacts(plan),
            arbRuleSet.chain((rs) => fc.tuple(fc.constant(rs), tighten(rs))),
          ),
        ),
        ([plan, facts, [ruleSet, tighter]]) => {
          const before = evaluateMeeting({ plan, facts, ruleSetVersions: [ruleSet] });
          const after = evaluateMeeting({ plan, facts, ruleSetVersions: [tighter] });
          const kept = blockerKeys(after);
          for (const key of blockerKeys(before)) assert.ok(kept.has(key), `blocker ${key} disappeared when the rules were tightened`);
          if (!before.compliant) assert.equal(after.compliant, false);
          // And nobody becomes eligible who was not.
          after.remoteEligibility.forEach((cell, i) => assert.ok(!cell.mayTakePartRemotely || before.remoteEligibility[i]!.mayTakePartRemotely));
        },
      ),
      RUNS,
    );
  });

  it('never throws, and gives the same plain-data answer for the same input', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const first = evaluateMeeting(input);
        const second = evaluateMeeting(structuredClone(input));
        assert.deepEqual(second, first);
        assert.deepEqual(JSON.parse(JSON.stringify(first)), first);
        assert.equal(first.remoteEligibility.length, new Set(input.plan.members.map((m) => m.id)).size * new Set(input.plan.agenda.map((i) => i.id)).size);
        assert.equal(first.compliant, !first.findings.some((f) => f.severity === 'blocker'));
      }),
      RUNS,
    );
  });

  it('does not change its input', () => {
    fc.assert(
      fc.property(arbInput, (generated) => {
        // Plain copies: fast-check's records have null prototypes, which deepEqual would tell apart.
        const input = structuredClone(generated);
        const copy = structuredClone(generated);
        evaluateMeeting(input);
        assert.deepEqual(input, copy);
      }),
      { numRuns: 100 },
    );
  });
});
