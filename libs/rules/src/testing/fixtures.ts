/**
 * Builders for the specs: a published version adopted from the regional template, members,
 * plans, and facts in which everything is in order — so each test changes one thing.
 */
import type { MeetingFacts, MeetingPlan, PlannedMember } from '../meeting-plan.js';
import { REGIONAL_TEMPLATE } from '../regional-template.js';
import { adoptTemplate, type TemplateAdoption } from '../rule-set-diff.js';
import type { BodyType, DecisionReference, RuleSetVersion } from '../rule-set.js';

export const KF_DECISION: DecisionReference = { reference: 'KF 2020-04-20 § 45', decidedBy: 'council', decidedOn: '2020-04-20' };

export const BASIC_MODULE = 'remote-participation-basics';

export function publishedVersion(
  changes: Partial<Pick<TemplateAdoption, 'bodyTypes' | 'bodies'>> & {
    version?: number;
    effectiveFrom?: string;
    publishedAt?: string | null;
    decision?: DecisionReference;
  } = {},
): RuleSetVersion {
  const draft = adoptTemplate(REGIONAL_TEMPLATE, {
    municipalityId: 'timra',
    version: changes.version ?? 1,
    decision: changes.decision ?? KF_DECISION,
    effectiveFrom: changes.effectiveFrom ?? '2020-05-01',
    ...(changes.bodyTypes ? { bodyTypes: changes.bodyTypes } : {}),
    ...(changes.bodies ? { bodies: changes.bodies } : {}),
  });
  return { ...draft, status: 'published', publishedAt: changes.publishedAt === undefined ? '2020-04-21T08:00:00Z' : changes.publishedAt };
}

export function member(id: string, mode: PlannedMember['mode'], props: Partial<PlannedMember> = {}): PlannedMember {
  return { id, role: 'member', voting: true, mode, ...props };
}

/**
 * A presidium of three on site, then `onSite` and `remote` ordinary members; seats is the
 * total of all of them unless given.
 */
export function members(onSite: number, remote: number, absent = 0): PlannedMember[] {
  const list: PlannedMember[] = [
    member('chair', 'on_site', { role: 'chair' }),
    member('vice1', 'on_site', { role: 'vice_chair' }),
    member('vice2', 'on_site', { role: 'vice_chair' }),
  ];
  for (let i = 1; i <= onSite; i++) list.push(member(`site${i}`, 'on_site'));
  for (let i = 1; i <= remote; i++) list.push(member(`remote${i}`, 'remote'));
  for (let i = 1; i <= absent; i++) list.push(member(`absent${i}`, 'absent'));
  return list;
}

export function plan(type: BodyType, planned: PlannedMember[], props: Partial<MeetingPlan> = {}): MeetingPlan {
  return {
    id: 'meeting-1',
    body: { id: `${type}-1`, type, seats: planned.filter((m) => m.voting).length },
    start: '2021-06-10T18:00:00+02:00',
    end: '2021-06-10T21:00:00+02:00',
    place: 'Sessionssalen, Timrå kommunhus',
    agenda: [{ id: 'item-1', title: 'Budget 2022' }],
    members: planned,
    ...props,
  };
}

/** Everyone trained (valid until 2030), identified with a municipal account; Teams; full support. */
export function goodFacts(planned: readonly PlannedMember[], props: Partial<MeetingFacts> = {}): MeetingFacts {
  return {
    trainingCompletions: planned.map((m) => ({ memberId: m.id, moduleKey: BASIC_MODULE, completedOn: '2021-01-15', validUntil: '2030-12-31' })),
    identityVerifications: planned.map((m) => ({ memberId: m.id, level: 'municipal_account' as const })),
    platformKey: 'teams',
    supportAssigned: [
      { role: 'meeting_support', staffId: 'staff-1' },
      { role: 'it_support', staffId: 'staff-2' },
    ],
    ...props,
  };
}
