/**
 * Benchmark: evaluateMeeting on a council meeting with 101 members × 60 agenda items,
 * against a plain loop over the same 101 × 60 member × item pairs that only counts.
 * Prints medians and their ratio, measured in the same run. No assertions on timing.
 *
 *   npx tsc -b bench && node bench/dist/rules-evaluate.bench.js
 */
import {
  REGIONAL_TEMPLATE,
  adoptTemplate,
  evaluateMeeting,
  type EvaluateMeetingInput,
  type MeetingPlan,
  type PlannedMember,
  type RuleSetVersion,
} from '@motesplats/rules';
import { record } from './lib/report.js';

const MEMBERS = 101;
const ITEMS = 60;

function councilMeeting(): EvaluateMeetingInput {
  const members: PlannedMember[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const role = i === 0 ? 'chair' : i <= 2 ? 'vice_chair' : 'member';
    // The presidium in the room, about a third remote, a few absent.
    const mode = i <= 2 ? 'on_site' : i % 3 === 0 ? 'remote' : i % 17 === 0 ? 'absent' : 'on_site';
    members.push({ id: `m${i}`, role, voting: true, mode, partyGroupId: `p${i % 8}`, conflictOfInterestItemIds: i % 25 === 0 ? [`i${i % ITEMS}`] : [] });
  }
  const agenda = Array.from({ length: ITEMS }, (_, i) => ({
    id: `i${i}`,
    title: `Ärende ${i + 1}`,
    confidential: i % 10 === 9,
    closedVote: i % 15 === 14,
    kinds: i % 7 === 0 ? ['personnel'] : [],
  }));
  const plan: MeetingPlan = {
    id: 'kf-2021-06-14',
    body: { id: 'kf', type: 'council', seats: MEMBERS },
    start: '2021-06-14T18:00:00+02:00',
    end: '2021-06-14T23:00:00+02:00',
    place: 'Sessionssalen',
    recesses: [{ start: '2021-06-14T20:00:00+02:00', end: '2021-06-14T20:20:00+02:00' }],
    agenda,
    members,
  };
  const draft = adoptTemplate(REGIONAL_TEMPLATE, {
    municipalityId: 'timra',
    version: 1,
    decision: { reference: 'KF 2020-04-20 § 45', decidedBy: 'council', decidedOn: '2020-04-20' },
    effectiveFrom: '2020-05-01',
    bodyTypes: { council: { equalTerms: 'room_and_speaker', excludedItemKinds: ['confidential', 'closed_vote', 'personnel'] } },
  });
  const version: RuleSetVersion = { ...draft, status: 'published', publishedAt: '2020-04-21T08:00:00Z' };
  return {
    plan,
    facts: {
      trainingCompletions: members
        .filter((_, i) => i % 11 !== 0)
        .map((m) => ({ memberId: m.id, moduleKey: 'remote-participation-basics', completedOn: '2021-01-10', validUntil: '2022-01-10' })),
      identityVerifications: members.map((m) => ({ memberId: m.id, level: 'municipal_account' as const })),
      platformKey: 'teams',
      supportAssigned: [
        { role: 'meeting_support', staffId: 's1' },
        { role: 'it_support', staffId: 's2' },
      ],
    },
    ruleSetVersions: [version],
  };
}

/** Nanoseconds per call of `fn`, one sample per call, after warming up. */
function sample(fn: () => number, warmup: number, iterations: number): { times: number[]; sink: number } {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn();
  const times: number[] = new Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    sink += fn();
    times[i] = Number(process.hrtime.bigint() - t0);
  }
  return { times, sink };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p10: quantile(sorted, 0.1), p90: quantile(sorted, 0.9), n: sorted.length };
}

const input = councilMeeting();
const { members, agenda } = input.plan;

// The reference: visit every member × item pair and count, nothing else.
const countPairs = (): number => {
  let count = 0;
  for (let m = 0; m < members.length; m++) for (let i = 0; i < agenda.length; i++) if (members[m] !== undefined && agenda[i] !== undefined) count++;
  return count;
};
const evaluate = (): number => evaluateMeeting(input).remoteEligibility.length;

const loop = sample(countPairs, 20_000, 20_000);
const evaluation = sample(evaluate, 200, 1_000);
const loopStats = summary(loop.times);
const evalStats = summary(evaluation.times);
const last = evaluateMeeting(input);

const us = (ns: number) => (ns / 1000).toFixed(1).padStart(10);
console.log(`rules-evaluate: council meeting, ${MEMBERS} members × ${ITEMS} items = ${MEMBERS * ITEMS} pairs (node ${process.version})`);
console.log(
  `evaluation: ${last.findings.length} findings (${last.findings.filter((f) => f.severity === 'blocker').length} blockers), ${last.quorum.filter((q) => q.hasQuorum).length}/${ITEMS} items with quorum`,
);
console.log('');
console.log('case                         runs    median µs     p10 µs     p90 µs');
console.log(`evaluateMeeting         ${String(evalStats.n).padStart(9)} ${us(evalStats.median)} ${us(evalStats.p10)} ${us(evalStats.p90)}`);
console.log(`plain counting loop     ${String(loopStats.n).padStart(9)} ${us(loopStats.median)} ${us(loopStats.p10)} ${us(loopStats.p90)}`);
console.log('');
console.log(`ratio (median evaluateMeeting / median loop): ${(evalStats.median / loopStats.median).toFixed(0)}×`);
console.log(
  `per member × item pair: evaluateMeeting ${(evalStats.median / (MEMBERS * ITEMS)).toFixed(1)} ns, loop ${(loopStats.median / (MEMBERS * ITEMS)).toFixed(2)} ns`,
);
record({
  benchmark: 'rule evaluation',
  figure: `evaluateMeeting, ${MEMBERS} members × ${ITEMS} items, median`,
  value: evalStats.median / 1e6,
  unit: 'ms',
  baseline: 'counting loop over the same pairs',
  baselineValue: loopStats.median / 1e6,
});
// Printed so neither measured function can be optimised away.
console.log(`(checksum ${loop.sink + evaluation.sink})`);
