import { describe, expect, it } from '@jest/globals';
import { capSummary, groupFindings, phaseOf, quorumSummary, type AdviceFinding } from './complianceAdvice';

const finding = (code: string, severity: string, memberId: string | null, itemId: string | null): AdviceFinding => ({
    code,
    severity,
    message: { sv: `${code} sv`, en: `${code} en` },
    basis: { reference: 'KL 5 kap. 16 §' },
    memberId,
    itemId,
});

const members = Array.from({ length: 8 }, (_, i) => ({ id: `m${i + 1}`, name: `Ledamot ${i + 1}` }));
const items = [
    { id: 'i5', number: 5, title: 'Budget', kinds: [] },
    { id: 'i6', number: 6, title: 'Val av revisorer', kinds: ['closed_vote'] },
];

describe('groupFindings', () => {
    it('makes one line per rule and item, naming every member, blockers first', () => {
        const findings = [
            ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map(m =>
                finding('REMOTE_ON_EXCLUDED_ITEM', 'warning', m, 'i6'),
            ),
            finding('TRAINING_MISSING', 'blocker', 'm2', null),
            finding('TRAINING_MISSING', 'blocker', 'm8', null),
            finding('NO_QUORUM', 'blocker', null, 'i6'),
        ];
        const lines = groupFindings({
            meetingId: 'meet',
            findings,
            members,
            items,
            quorum: [{ itemId: 'i6', required: 31, counted: 25, seats: 61, hasQuorum: false }],
            remoteParticipants: { planned: 7, cap: 10 },
        });
        expect(lines.map(l => [l.code, l.severity])).toEqual([
            ['TRAINING_MISSING', 'blocker'],
            ['NO_QUORUM', 'blocker'],
            ['REMOTE_ON_EXCLUDED_ITEM', 'warning'],
        ]);
        const [training, quorum, excluded] = lines;
        expect(training!.sentence).toEqual({ key: 'TRAINING_MISSING', args: { smart_count: 2 } });
        // Each member links to their own page, where a completion is recorded.
        expect(training!.members.map(m => [m.name, m.fix?.to])).toEqual([
            ['Ledamot 2', '/members/m2'],
            ['Ledamot 8', '/members/m8'],
        ]);
        expect(quorum!.sentence).toEqual({
            key: 'NO_QUORUM',
            args: { number: 6, counted: 25, seats: 61, required: 31 },
        });
        expect(quorum!.fix).toEqual({ kind: 'attendance', to: '/meetings/meet/show/attendance' });
        expect(excluded!.sentence).toEqual({
            key: 'REMOTE_ON_EXCLUDED_ITEM',
            args: { smart_count: 7, number: 6, reason: 'closed_vote' },
        });
        expect(excluded!.members).toHaveLength(7);
    });

    it("falls back to the rules' own message for a finding it has no sentence for, and sends platform findings to the meeting's form", () => {
        const [line] = groupFindings({
            meetingId: 'meet',
            findings: [finding('PLATFORM_NOT_APPROVED', 'blocker', null, null)],
            members,
            items,
            quorum: [],
            remoteParticipants: { planned: 1, cap: null },
        });
        expect(line!.sentence).toBeNull();
        expect(line!.fallback.sv).toBe('PLATFORM_NOT_APPROVED sv');
        expect(line!.fix).toEqual({ kind: 'platform', to: '/meetings/meet' });
    });
});

describe('sentences for caps, quorum and status', () => {
    it('reads the cap and the quorum as sentences', () => {
        expect(capSummary({ planned: 7, cap: 10 })).toEqual({ key: 'cap', args: { cap: 10, planned: 7 } });
        expect(capSummary({ planned: 12, cap: 10 })).toEqual({
            key: 'cap_over',
            args: { cap: 10, planned: 12, over: 2 },
        });
        expect(capSummary({ planned: 3, cap: null })).toEqual({ key: 'no_cap', args: { planned: 3 } });
        expect(
            quorumSummary([
                { itemId: 'a', required: 31, counted: 58, seats: 61, hasQuorum: true },
                { itemId: 'b', required: 31, counted: 54, seats: 61, hasQuorum: true },
            ]),
        ).toEqual({ key: 'quorum_all', args: { counted: 54, seats: 61, required: 31 } });
        expect(quorumSummary([{ itemId: 'a', required: 31, counted: 20, seats: 61, hasQuorum: false }]).key).toBe(
            'quorum_some',
        );
    });
    it('knows a convened meeting from a planned one', () => {
        expect(phaseOf('PLANNED')).toBe('planned');
        expect(['CONVENED', 'IN_PROGRESS', 'RECESS'].map(phaseOf)).toEqual(['convened', 'convened', 'convened']);
        expect(['ENDED', 'CANCELLED'].map(phaseOf)).toEqual(['over', 'over']);
    });
});
