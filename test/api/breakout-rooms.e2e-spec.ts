import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { sql } from '../support/sql.js';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ROOMS_QUEUE } from '@motesplats/api/breakout-rooms/queues.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { errorCode, gql, startTestApp, tenantOf, type GraphQLResponse, type TestApp } from '../support/test-app.js';
import { fixClock } from '../support/fixed-clock.js';

const A = 'orust';
const B = 'tanum';
const id = (slug: string, key: string) => demoId(`${slug}:${key}`);
const reason = (res: GraphQLResponse) => (res.errors?.[0]?.extensions as { reason?: string } | undefined)?.reason;

const ROOM_FIELDS = 'id name status partyGroup { name councilSeats } windows { opensAt closesAt }';

describe('break-out rooms for party groups (the Timrå rule)', () => {
  let t: TestApp;
  let admin: string;
  let clock: ReturnType<typeof fixClock>;
  const kf = id(A, 'meeting:kf-next');

  const owner = <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => sql<T>(t.ownerUrl, text, params);

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.realm.token(A, ['secretary']);
    clock = fixClock(t.app);
  });
  afterAll(() => t.close());

  it('gives every party group with council seats a room at a convened meeting, and none to a party without seats', async () => {
    const res = await gql(t.url, admin, `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { ${ROOM_FIELDS} } }`, { m: kf });
    assert.equal(res.errors, undefined);
    const rooms = res.data!.setUpBreakoutRooms;
    assert.equal(rooms.length, 8);
    assert.ok(rooms.every((r: { partyGroup: { councilSeats: number } }) => r.partyGroup.councilSeats > 0));
    assert.ok(rooms.every((r: { status: string }) => r.status === 'SCHEDULED'));
    // Before the meeting (30 min) and after it (15 min), by the regional template.
    assert.equal(rooms[0].windows.length, 2);
    const again = await gql(t.url, admin, `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { id } }`, { m: kf });
    assert.equal(again.data!.setUpBreakoutRooms.length, 8, 'setting up twice creates nothing twice');
  });

  it('refuses a room for a party group without council seats, with a stable reason', async () => {
    const res = await gql(t.url, admin, `mutation($i: CreateBreakoutRoomInput!) { createBreakoutRoom(input: $i) { id } }`, {
      i: { meetingId: kf, partyGroupId: id(A, 'party-group:LA') },
    });
    assert.equal(errorCode(res), 'RULE_VIOLATION');
    assert.equal(reason(res), 'PARTY_GROUP_NOT_ELIGIBLE');
    assert.match(res.errors![0]!.message, /mandat/);
  });

  it('refuses a room for a meeting that has not been convened', async () => {
    const res = await gql(t.url, admin, `mutation($i: CreateBreakoutRoomInput!) { createBreakoutRoom(input: $i) { id } }`, {
      i: { meetingId: id(A, 'meeting:ks-next'), partyGroupId: id(A, 'party-group:S') },
    });
    assert.equal(errorCode(res), 'RULE_VIOLATION');
    assert.equal(reason(res), 'MEETING_NOT_CONVENED');
  });

  it('has no way to ask for an independent party meeting: a meeting is required, and an unknown one is refused', async () => {
    const missing = await gql(t.url, admin, `mutation { createBreakoutRoom(input: { partyGroupId: "${id(A, 'party-group:S')}" }) { id } }`);
    assert.equal(errorCode(missing), 'BAD_USER_INPUT');
    const unknown = await gql(t.url, admin, `mutation($i: CreateBreakoutRoomInput!) { createBreakoutRoom(input: $i) { id } }`, {
      i: { meetingId: '00000000-0000-4000-8000-000000000001', partyGroupId: id(A, 'party-group:S') },
    });
    assert.equal(reason(unknown), 'NO_MEETING');
    assert.match(unknown.errors![0]!.message, /sammanträde som kommunen kallar till/);

    const schema = await gql(
      t.url,
      admin,
      `{
      input: __type(name: "CreateBreakoutRoomInput") { inputFields { name type { kind } } }
      mutation: __schema { mutationType { fields { name args { name type { kind ofType { name } } } } } }
    }`,
    );
    const meetingField = schema.data!.input.inputFields.find((f: { name: string }) => f.name === 'meetingId');
    assert.equal(meetingField.type.kind, 'NON_NULL');
    const roomMutations = schema.data!.mutation.mutationType.fields.filter((f: { name: string }) => /room|party.*meeting|group.*meeting/i.test(f.name));
    assert.deepEqual(roomMutations.map((f: { name: string }) => f.name).sort(), ['createBreakoutRoom', 'setUpBreakoutRooms']);
  });

  it('answers CONFLICT for a second room of the same party group', async () => {
    const res = await gql(t.url, admin, `mutation($i: CreateBreakoutRoomInput!) { createBreakoutRoom(input: $i) { id } }`, {
      i: { meetingId: kf, partyGroupId: id(A, 'party-group:S') },
    });
    assert.equal(errorCode(res), 'CONFLICT');
    assert.equal(reason(res), 'ROOM_EXISTS');
  });

  it('refuses rooms where the rules give none (company boards)', async () => {
    const board = id(A, 'meeting:bolag-next');
    await gql(t.url, admin, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CONVENED) { id } }`, { m: board });
    const res = await gql(t.url, admin, `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { id } }`, { m: board });
    assert.equal(reason(res), 'ROOMS_DISABLED');
  });

  it('creates the rooms when a meeting is convened', async () => {
    const ks = id(A, 'meeting:ks-next');
    // The executive board's meeting has findings under the rules; the administrator convenes it anyway.
    const res = await gql(
      t.url,
      t.realm.token(A, ['tenant-admin']),
      `mutation($m: ID!, $r: String) { changeMeetingStatus(id: $m, status: CONVENED, overrideReason: $r) { breakoutRooms { name } } }`,
      { m: ks, r: 'Kallas ändå: stödpersonal bokas separat inför mötet.' },
    );
    assert.equal(res.errors, undefined);
    assert.equal(res.data!.changeMeetingStatus.breakoutRooms.length, 8);
  });

  it('records the recesses the secretary starts and ends, and opens the rooms during them', async () => {
    const meeting = (await gql(t.url, admin, `query($m: ID!) { meeting(id: $m) { startsAt endsAt } }`, { m: kf })).data!.meeting;
    const start = new Date(meeting.startsAt);
    const recessStart = new Date(start.getTime() + 90 * 60_000);
    const recessEnd = new Date(recessStart.getTime() + 20 * 60_000);
    clock.set(start);
    await gql(t.url, admin, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: IN_PROGRESS) { id } }`, { m: kf });
    clock.set(recessStart);
    await gql(t.url, admin, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: RECESS) { id } }`, { m: kf });
    clock.set(recessEnd);
    const res = await gql(
      t.url,
      admin,
      `mutation($m: ID!) { changeMeetingStatus(id: $m, status: IN_PROGRESS) {
      recesses { startedAt endedAt } breakoutWindows { opensAt closesAt } } }`,
      { m: kf },
    );
    clock.reset();
    const { recesses, breakoutWindows } = res.data!.changeMeetingStatus;
    assert.deepEqual(recesses, [{ startedAt: recessStart.toISOString(), endedAt: recessEnd.toISOString() }]);
    assert.equal(breakoutWindows.length, 3);
    assert.deepEqual(breakoutWindows[1], { opensAt: recessStart.toISOString(), closesAt: recessEnd.toISOString() });
  });

  it('moves the windows with the meeting and replaces its scheduled jobs instead of adding to them', async () => {
    const ks = id(A, 'meeting:ks-next');
    const queue = t.app.get<Queue>(getQueueToken(ROOMS_QUEUE));
    const scheduled = async () =>
      (await owner<{ scheduled_jobs: string[] }>('select scheduled_jobs from video_meeting where meeting_id = $1', [ks]))[0]!.scheduled_jobs;
    const before = await scheduled();
    assert.ok(before.length >= 4);
    for (const jobId of before.filter((j) => j.startsWith('room-sync'))) assert.ok(await queue.getJob(jobId), `${jobId} is queued`);

    const meeting = (await gql(t.url, admin, `query($m: ID!) { meeting(id: $m) { startsAt endsAt } }`, { m: ks })).data!.meeting;
    const day = 86_400_000;
    const moved = await gql(t.url, admin, `mutation($m: ID!, $i: UpdateMeetingInput!) { updateMeeting(id: $m, input: $i) { breakoutWindows { opensAt } } }`, {
      m: ks,
      i: { startsAt: new Date(Date.parse(meeting.startsAt) + day).toISOString(), endsAt: new Date(Date.parse(meeting.endsAt) + day).toISOString() },
    });
    assert.equal(moved.data!.updateMeeting.breakoutWindows[0].opensAt, new Date(Date.parse(meeting.startsAt) + day - 30 * 60_000).toISOString());
    const afterMove = await scheduled();
    assert.equal(afterMove.length, before.length);
    assert.equal(afterMove.filter((j) => before.includes(j)).length, 0);
    for (const jobId of before.filter((j) => j.startsWith('room-sync'))) assert.equal(await queue.getJob(jobId), undefined, `${jobId} was removed`);
    for (const jobId of afterMove.filter((j) => j.startsWith('room-sync'))) assert.ok(await queue.getJob(jobId));
    const roomJobs = (await queue.getJobs(['delayed', 'waiting'])).filter((j) => j.data.meetingId === ks);
    assert.equal(roomJobs.length, afterMove.filter((j) => j.startsWith('room-sync')).length, 'no duplicates');
  });

  it('closes the rooms when the meeting is cancelled', async () => {
    const ks = id(A, 'meeting:ks-next');
    const res = await gql(t.url, admin, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CANCELLED) { breakoutRooms { status } } }`, { m: ks });
    assert.ok(res.data!.changeMeetingStatus.breakoutRooms.every((r: { status: string }) => r.status === 'CANCELLED'));
  });

  it("keeps municipalities apart: another municipality neither sees nor creates rooms at A's meeting", async () => {
    const other = t.realm.token(B, ['tenant-admin']);
    const seen = await gql(t.url, other, `query($m: ID!) { breakoutRooms(meetingId: $m) { id } }`, { m: kf });
    assert.deepEqual(seen.data!.breakoutRooms, []);
    const made = await gql(t.url, other, `mutation($i: CreateBreakoutRoomInput!) { createBreakoutRoom(input: $i) { id } }`, {
      i: { meetingId: kf, partyGroupId: id(B, 'party-group:S') },
    });
    assert.equal(reason(made), 'NO_MEETING');
    const rows = await owner<{ n: number }>('select count(*)::int as n from breakout_room where tenant_id = $1', [tenantOf(B)]);
    assert.equal(rows[0]!.n, 0);
  });
});
