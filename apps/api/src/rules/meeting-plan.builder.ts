import {
  stockholmDate,
  type MeetingFacts,
  type MeetingPlan,
  type MemberRole,
  type ParentBodyDecision,
  type PlannedMember,
  type PlannedMode,
} from '@motesplats/rules';

/** The rows one meeting's plan is built from; plain shapes, so the builder is testable without a database. */
export interface MeetingRows {
  meeting: { id: string; startsAt: Date; endsAt: Date; place: string; platformKey: string | null };
  body: { id: string; kind: string; name: string };
  parent: { id: string; kind: string } | null;
  /** The parent committee's decisions about this sub-committee, any order. */
  subCommitteeDecisions: { allowsRemote: boolean; reference: string; decidedOn: string; createdAt: Date }[];
  memberships: { memberId: string; role: string }[];
  members: Map<string, { name: string; identityLevel: string }>;
  attendances: { memberId: string; mode: string; replacesMemberId: string | null; consentsToRemoteMeeting: boolean; documentsDelivered: boolean }[];
  agendaItems: { id: string; number: number; title: string; kinds: string[]; confidential: boolean; closedVote: boolean }[];
}

/**
 * The parent's decision that governs a meeting: the latest one dated on or before the
 * meeting's date and recorded before the meeting started — so, like a rule version, a
 * decision entered afterwards never changes how a held meeting is judged.
 */
export function decisionInForce(decisions: MeetingRows['subCommitteeDecisions'], startsAt: Date): ParentBodyDecision | null {
  const date = stockholmDate(startsAt);
  if (date === null) return null;
  let best: MeetingRows['subCommitteeDecisions'][number] | null = null;
  for (const d of decisions) {
    if (d.decidedOn > date || d.createdAt.getTime() > startsAt.getTime()) continue;
    if (!best || d.decidedOn > best.decidedOn || (d.decidedOn === best.decidedOn && d.createdAt > best.createdAt)) best = d;
  }
  return best ? { allowsRemote: best.allowsRemote, reference: best.reference, decidedOn: best.decidedOn } : null;
}

/**
 * The meeting plan and facts the rules evaluate.
 * - Everyone with a seat in the body is in the plan. Without a recorded attendance an
 *   ordinary member is expected in the room (the notice calls them) and a deputy is absent.
 * - A deputy who steps in for a member (tjänstgörande ersättare) votes, and the member they
 *   replace does not: quorum is counted on the seats, never twice.
 * - Ordinary members are the body's seats.
 */
export function buildMeetingPlan(rows: MeetingRows): { plan: MeetingPlan; facts: Omit<MeetingFacts, 'trainingCompletions'> } {
  const attendance = new Map(rows.attendances.map((a) => [a.memberId, a]));
  const replaced = new Set(rows.attendances.filter((a) => a.replacesMemberId && a.mode !== 'absent').map((a) => a.replacesMemberId!));
  const members: PlannedMember[] = rows.memberships.map((seat) => {
    const a = attendance.get(seat.memberId);
    const deputy = seat.role === 'deputy';
    const mode = (a?.mode ?? (deputy ? 'absent' : 'on_site')) as PlannedMode;
    return {
      id: seat.memberId,
      name: rows.members.get(seat.memberId)?.name,
      role: seat.role as MemberRole,
      voting: deputy ? !!a?.replacesMemberId : !replaced.has(seat.memberId),
      mode,
      consentsToRemoteMeeting: a?.consentsToRemoteMeeting ?? false,
      documentsDelivered: a?.documentsDelivered ?? false,
    };
  });
  const seats = rows.memberships.filter((s) => s.role !== 'deputy').length;
  const plan: MeetingPlan = {
    id: rows.meeting.id,
    body: {
      id: rows.body.id,
      type: rows.body.kind as MeetingPlan['body']['type'],
      name: rows.body.name,
      seats,
      parent: rows.parent
        ? {
            id: rows.parent.id,
            type: rows.parent.kind as MeetingPlan['body']['type'],
            subCommitteeRemoteDecision: decisionInForce(rows.subCommitteeDecisions, rows.meeting.startsAt),
          }
        : null,
    },
    start: rows.meeting.startsAt.toISOString(),
    end: rows.meeting.endsAt.toISOString(),
    place: rows.meeting.place,
    agenda: [...rows.agendaItems]
      .sort((a, b) => a.number - b.number)
      .map((i) => ({ id: i.id, title: i.title, kinds: i.kinds, confidential: i.confidential, closedVote: i.closedVote })),
    members,
  };
  const identityVerifications = members.flatMap((m) => {
    const level = rows.members.get(m.id)?.identityLevel;
    return level && level !== 'none' ? [{ memberId: m.id, level: level as 'municipal_account' | 'e_id' }] : [];
  });
  return { plan, facts: { identityVerifications, platformKey: rows.meeting.platformKey, supportAssigned: [] } };
}
