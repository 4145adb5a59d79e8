/**
 * Turns the rules' findings into advice a secretary can act on: one line per rule and item,
 * naming the members it concerns, with a link to where it is put right. Pure, so the
 * grouping and the choice of fix are tested without rendering.
 */

export interface AdviceFinding {
    code: string;
    severity: string;
    message: { sv: string; en: string };
    basis: { reference: string };
    memberId: string | null;
    itemId: string | null;
}
export interface AdviceInput {
    meetingId: string;
    findings: AdviceFinding[];
    members: { id: string; name: string }[];
    items: { id: string; number: number; title: string; kinds: string[] }[];
    quorum: { itemId: string; required: number | null; counted: number; seats: number; hasQuorum: boolean }[];
    remoteParticipants: { planned: number; cap: number | null };
}

export type FixKind = 'training' | 'attendance' | 'platform' | 'meeting' | 'agenda' | 'support' | 'rules' | 'identity';

export interface Fix {
    kind: FixKind;
    /** A path inside the admin. */
    to: string;
}

export interface AdviceLine {
    key: string;
    code: string;
    severity: 'blocker' | 'warning';
    /** A key under secretary.compliance.line, or null: then `fallback` (the rules' own message) is the line. */
    sentence: { key: string; args: Record<string, string | number> } | null;
    fallback: { sv: string; en: string };
    basis: string;
    members: { id: string; name: string; fix: Fix | null }[];
    /** Where the whole line is put right (members may also link one by one). */
    fix: Fix | null;
}

const ATTENDANCE_CODES = new Set([
    'REMOTE_ON_EXCLUDED_ITEM',
    'REMOTE_NOT_ALLOWED',
    'PARENT_BODY_NOT_ALLOWED',
    'PRESIDIUM_NOT_ON_SITE',
    'NO_QUORUM',
    'REMOTE_CAP_EXCEEDED',
    'COMPANY_BOARD_CONSENT_MISSING',
    'DOCUMENTS_NOT_DELIVERED',
    'DUPLICATE_MEMBER',
    'INVALID_BODY_SEATS',
]);
const PLATFORM_CODES = new Set([
    'PLATFORM_NOT_SET',
    'PLATFORM_UNKNOWN',
    'PLATFORM_NOT_APPROVED',
    'DATA_RESIDENCY_NOT_MET',
    'REMOTE_CAP_UNKNOWN',
]);

/** Where a finding is put right: the meeting's attendance, its details, a member, support or the rules. */
export const fixFor = (code: string, meetingId: string, memberId: string | null): Fix | null => {
    if (code === 'TRAINING_MISSING') return memberId ? { kind: 'training', to: `/members/${memberId}` } : null;
    if (code === 'IDENTITY_INSUFFICIENT') return memberId ? { kind: 'identity', to: `/members/${memberId}` } : null;
    if (ATTENDANCE_CODES.has(code)) return { kind: 'attendance', to: `/meetings/${meetingId}/show/attendance` };
    if (PLATFORM_CODES.has(code)) return { kind: 'platform', to: `/meetings/${meetingId}` };
    if (code === 'NO_PHYSICAL_PLACE' || code === 'INVALID_MEETING_TIME')
        return { kind: 'meeting', to: `/meetings/${meetingId}` };
    if (code === 'DUPLICATE_ITEM') return { kind: 'agenda', to: `/meetings/${meetingId}/show/agenda` };
    if (code === 'SUPPORT_MISSING') return { kind: 'support', to: '/support' };
    if (code === 'RULE_SET_LOOSENS_LAW') return { kind: 'rules', to: '/rule-sets' };
    return null;
};

/** Why an item is closed to remote participants, in words; the most serious reason first. */
export const itemReason = (kinds: string[]): 'closed_vote' | 'confidential' | null =>
    kinds.includes('closed_vote') ? 'closed_vote' : kinds.includes('confidential') ? 'confidential' : null;

const MEMBER_LINES = new Set([
    'TRAINING_MISSING',
    'IDENTITY_INSUFFICIENT',
    'REMOTE_NOT_ALLOWED',
    'PRESIDIUM_NOT_ON_SITE',
    'COMPANY_BOARD_CONSENT_MISSING',
    'DOCUMENTS_NOT_DELIVERED',
]);

/** Blockers first, then in the order the rules found them (which follows the agenda). */
export const groupFindings = (input: AdviceInput): AdviceLine[] => {
    const name = new Map(input.members.map(m => [m.id, m.name]));
    const item = new Map(input.items.map(i => [i.id, i]));
    const quorum = new Map(input.quorum.map(q => [q.itemId, q]));
    const lines = new Map<string, AdviceLine>();
    for (const f of input.findings) {
        const key = `${f.code}|${f.itemId ?? ''}`;
        let line = lines.get(key);
        if (!line) {
            line = {
                key,
                code: f.code,
                severity: f.severity === 'blocker' ? 'blocker' : 'warning',
                sentence: null,
                fallback: f.message,
                basis: f.basis.reference,
                members: [],
                fix: fixFor(f.code, input.meetingId, null),
            };
            lines.set(key, line);
        }
        if (f.severity === 'blocker') line.severity = 'blocker';
        if (f.memberId && !line.members.some(m => m.id === f.memberId)) {
            line.members.push({
                id: f.memberId,
                name: name.get(f.memberId) ?? '',
                fix: fixFor(f.code, input.meetingId, f.memberId),
            });
        }
    }
    for (const line of lines.values()) {
        const it = line.key.split('|')[1] ? item.get(line.key.split('|')[1]!) : undefined;
        const count = line.members.length;
        if (line.code === 'REMOTE_ON_EXCLUDED_ITEM' && it && count > 0) {
            const reason = itemReason(it.kinds);
            if (reason)
                line.sentence = {
                    key: 'REMOTE_ON_EXCLUDED_ITEM',
                    args: { smart_count: count, number: it.number, reason },
                };
        } else if (line.code === 'NO_QUORUM' && it) {
            const q = quorum.get(it.id);
            if (q && q.required !== null)
                line.sentence = {
                    key: 'NO_QUORUM',
                    args: { number: it.number, counted: q.counted, seats: q.seats, required: q.required },
                };
        } else if (line.code === 'REMOTE_CAP_EXCEEDED' && input.remoteParticipants.cap !== null) {
            line.sentence = {
                key: 'REMOTE_CAP_EXCEEDED',
                args: { cap: input.remoteParticipants.cap, planned: input.remoteParticipants.planned },
            };
        } else if (line.code === 'PLATFORM_NOT_SET') {
            line.sentence = { key: 'PLATFORM_NOT_SET', args: {} };
        } else if (MEMBER_LINES.has(line.code) && count > 0) {
            line.sentence = { key: line.code, args: { smart_count: count } };
        }
    }
    const all = [...lines.values()];
    return [...all.filter(l => l.severity === 'blocker'), ...all.filter(l => l.severity !== 'blocker')];
};

/** The quorum as one sentence: the weakest item when all are quorate, else how many are not. */
export const quorumSummary = (
    quorum: AdviceInput['quorum'],
): { key: 'quorum_all' | 'quorum_some' | 'quorum_none'; args: Record<string, number> } => {
    const judged = quorum.filter(q => q.required !== null);
    if (judged.length === 0) return { key: 'quorum_none', args: {} };
    const failing = judged.filter(q => !q.hasQuorum);
    if (failing.length > 0) return { key: 'quorum_some', args: { smart_count: failing.length } };
    const weakest = judged.reduce((a, b) => (b.counted < a.counted ? b : a));
    return {
        key: 'quorum_all',
        args: { counted: weakest.counted, seats: weakest.seats, required: weakest.required ?? 0 },
    };
};

/** The cap on remote participants as one sentence. */
export const capSummary = ({
    planned,
    cap,
}: AdviceInput['remoteParticipants']): { key: 'cap' | 'cap_over' | 'no_cap'; args: Record<string, number> } =>
    cap === null
        ? { key: 'no_cap', args: { planned } }
        : planned > cap
          ? { key: 'cap_over', args: { cap, planned, over: planned - cap } }
          : { key: 'cap', args: { cap, planned } };

export type MeetingPhase = 'planned' | 'convened' | 'over';
/** Where the meeting stands, for what its blockers mean: before notice, after it, or after the meeting. */
export const phaseOf = (status: string): MeetingPhase =>
    status === 'PLANNED' ? 'planned' : status === 'ENDED' || status === 'CANCELLED' ? 'over' : 'convened';
