import { describe, expect, it } from '@jest/globals';
import { meetingTodos, membersToReach, trainingByMeeting, type StartMeeting } from './startPage';

const meeting = (id: string, over: Partial<StartMeeting> = {}): StartMeeting => ({
    id,
    title: `Möte ${id}`,
    startsAt: '2027-01-28T17:00:00Z',
    status: 'CONVENED',
    body: { name: 'Kommunfullmäktige' },
    compliance: { findings: [] },
    breakoutRooms: [],
    joinLinks: [],
    membersWithoutEmail: [],
    ...over,
});

describe('the start page', () => {
    it('counts per meeting the blockers, rooms, links not delivered and unstaffed support', () => {
        const [todo] = meetingTodos(
            [
                meeting('a', {
                    compliance: {
                        findings: [{ severity: 'blocker' }, { severity: 'warning' }, { severity: 'blocker' }],
                    },
                    breakoutRooms: [{ id: 'r1' }],
                    joinLinks: [
                        { deliveredAt: null, deliveryError: null, revokedAt: null },
                        { deliveredAt: '2027-01-27T10:00:00Z', deliveryError: 'SMTP 550', revokedAt: null },
                        { deliveredAt: '2027-01-27T10:00:00Z', deliveryError: null, revokedAt: null },
                        // Revoked on purpose: not something left to deliver.
                        { deliveredAt: null, deliveryError: null, revokedAt: '2027-01-27T11:00:00Z' },
                    ],
                }),
            ],
            [
                { meetingId: 'a', missing: 1 },
                { meetingId: 'a', missing: 2 },
                { meetingId: 'other', missing: 5 },
            ],
        );
        expect(todo).toMatchObject({ blockers: 2, rooms: 1, linksNotDelivered: 2, supportGaps: 3 });
    });

    it('names each member to reach once, with the first meeting they are invited to', () => {
        const anna = { id: 'anna', name: 'Anna', phone: '070-1' };
        expect(
            membersToReach([
                meeting('a', { membersWithoutEmail: [anna] }),
                meeting('b', { membersWithoutEmail: [anna, { id: 'bo', name: 'Bo', phone: null }] }),
            ]).map(m => [m.name, m.meetingId]),
        ).toEqual([
            ['Anna', 'a'],
            ['Bo', 'b'],
        ]);
    });
});

describe('training to renew per meeting', () => {
    it('names each meeting once with its members, and skips meetings where all are trained', () => {
        expect(
            trainingByMeeting([
                {
                    meeting: { id: 'a', title: 'KF', startsAt: '2027-01-28T17:00:00Z' },
                    blocked: [
                        { memberId: 'm1', member: { name: 'Anna' }, missingModuleKeys: ['basics'] },
                        { memberId: 'm2', member: { name: 'Bo' }, missingModuleKeys: ['basics'] },
                    ],
                },
                { meeting: { id: 'b', title: 'KS', startsAt: '2027-01-29T17:00:00Z' }, blocked: [] },
            ]),
        ).toEqual([
            {
                meetingId: 'a',
                meeting: 'KF',
                startsAt: '2027-01-28T17:00:00Z',
                members: [
                    { id: 'm1', name: 'Anna' },
                    { id: 'm2', name: 'Bo' },
                ],
            },
        ]);
    });
});
