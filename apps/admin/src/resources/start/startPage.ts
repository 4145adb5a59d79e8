/**
 * The secretary's start page as data: per coming meeting what still needs doing, and the people
 * to reach. Pure, so what counts as "not delivered" or "a gap" is tested without rendering.
 */

export interface StartMeeting {
    id: string;
    title: string;
    startsAt: string;
    status: string;
    body: { name: string };
    compliance: { findings: { severity: string }[] };
    breakoutRooms: { id: string }[];
    joinLinks: { deliveredAt: string | null; deliveryError: string | null; revokedAt: string | null }[];
    membersWithoutEmail: { id: string; name: string; phone: string | null }[];
}
export interface StartGap {
    meetingId: string;
    missing: number;
}
export interface StartTrainingGap {
    meeting: { id: string; title: string; startsAt: string };
    blocked: { memberId: string; member: { name: string } | null; missingModuleKeys: string[] }[];
}

export interface MeetingTodo {
    id: string;
    title: string;
    body: string;
    startsAt: string;
    status: string;
    blockers: number;
    rooms: number;
    /** Links that have not reached the member: never sent, or failed (revoked ones are meant). */
    linksNotDelivered: number;
    supportGaps: number;
}

export const meetingTodos = (meetings: StartMeeting[], gaps: StartGap[]): MeetingTodo[] => {
    const missing = new Map<string, number>();
    for (const g of gaps) missing.set(g.meetingId, (missing.get(g.meetingId) ?? 0) + g.missing);
    return meetings.map(m => ({
        id: m.id,
        title: m.title,
        body: m.body.name,
        startsAt: m.startsAt,
        status: m.status,
        blockers: m.compliance.findings.filter(f => f.severity === 'blocker').length,
        rooms: m.breakoutRooms.length,
        linksNotDelivered: m.joinLinks.filter(l => !l.revokedAt && (!l.deliveredAt || l.deliveryError)).length,
        supportGaps: missing.get(m.id) ?? 0,
    }));
};

/** Members to reach another way, once each, with the first meeting they are invited to. */
export const membersToReach = (meetings: StartMeeting[]) => {
    const seen = new Map<
        string,
        { id: string; name: string; phone: string | null; meetingId: string; meeting: string }
    >();
    for (const m of meetings)
        for (const member of m.membersWithoutEmail)
            if (!seen.has(member.id)) seen.set(member.id, { ...member, meetingId: m.id, meeting: m.title });
    return [...seen.values()];
};

/** Training to renew grouped per meeting: a start page names the meeting once, not every member on a line. */
export const trainingByMeeting = (gaps: StartTrainingGap[]) =>
    gaps
        .filter(g => g.blocked.length > 0)
        .map(g => ({
            meetingId: g.meeting.id,
            meeting: g.meeting.title,
            startsAt: g.meeting.startsAt,
            members: g.blocked.map(b => ({ id: b.memberId, name: b.member?.name ?? '' })),
        }));
