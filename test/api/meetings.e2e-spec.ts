import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { printSortedSchema } from '@motesplats/api/schema/graphql-schema.js';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

describe('meetings, agenda items and attendance over GraphQL', () => {
  let t: TestApp;
  let admin: string;
  let council: string;
  let subCommittee: string;

  const count = async (table: string) => {
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`select count(*)::int as n from ${table} where tenant_id = $1`, [tenantOf('lysekil')]);
      return rows[0].n as number;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.realm.token('lysekil', ['tenant-admin']);
    const bodies = await gql(t.url, admin, '{ bodies(perPage: 50) { items { id kind } } }');
    council = bodies.data!.bodies.items.find((b: { kind: string }) => b.kind === 'COUNCIL').id;
    subCommittee = bodies.data!.bodies.items.find((b: { kind: string }) => b.kind === 'SUB_COMMITTEE').id;
  });
  afterAll(() => t.close());

  it('keeps schema.graphql at the repository root up to date', () => {
    const generated = printSortedSchema(t.app.get(GraphQLSchemaHost).schema);
    const committed = readFileSync(join(REPO_ROOT, 'schema.graphql'), 'utf8');
    assert.equal(committed, generated, 'schema.graphql is stale: run `npm run schema` and commit it');
  });

  it('serves the demo: meetings with bodies, agenda items (some confidential, some closed votes) and attendance', async () => {
    const res = await gql(
      t.url,
      admin,
      `{ meetings(perPage: 100, sortField: "startsAt") { total items {
      title status startsAt endsAt place body { kind } agendaItems { number confidential closedVote } attendances { mode member { name } } } } }`,
    );
    const meetings = res.data!.meetings.items;
    assert.equal(res.data!.meetings.total, 7);
    assert.deepEqual([...new Set(meetings.map((m: { body: { kind: string } }) => m.body.kind))].sort(), [
      'COMMITTEE',
      'COMPANY_BOARD',
      'COUNCIL',
      'EXECUTIVE_BOARD',
      'SUB_COMMITTEE',
    ]);
    const items = meetings.flatMap((m: { agendaItems: unknown[] }) => m.agendaItems);
    assert.ok(items.some((i: { confidential: boolean }) => i.confidential));
    assert.ok(items.some((i: { closedVote: boolean }) => i.closedVote));
    const upcomingCouncil = meetings.find((m: { body: { kind: string }; status: string }) => m.body.kind === 'COUNCIL' && m.status === 'CONVENED');
    assert.equal(upcomingCouncil.attendances.length, 41);
    assert.ok(upcomingCouncil.attendances.some((a: { mode: string }) => a.mode === 'REMOTE'));
  });

  it('paginates, filters and sorts the way react-admin asks', async () => {
    const page1 = await gql(t.url, admin, '{ members(page: 1, perPage: 10, sortField: "name", sortOrder: DESC) { total items { name } } }');
    const page2 = await gql(t.url, admin, '{ members(page: 2, perPage: 10, sortField: "name", sortOrder: DESC) { total items { name } } }');
    const names = [...page1.data!.members.items, ...page2.data!.members.items].map((m: { name: string }) => m.name);
    assert.equal(names.length, 20);
    assert.ok(page1.data!.members.total > 20);
    const sorted = [...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    assert.deepEqual(names, sorted);
    const inSub = await gql(t.url, admin, 'query($b: ID!) { members(filter: { bodyId: $b }) { total } }', { b: subCommittee });
    assert.equal(inSub.data!.members.total, 4);
    const search = await gql(t.url, admin, '{ bodies(filter: { q: "social" }) { items { name } } }');
    assert.deepEqual(search.data!.bodies.items.map((b: { name: string }) => b.name).sort(), ['Socialnämnden', 'Socialnämndens individutskott']);
  });

  it('creates a meeting with its agenda and records attendance, then moves it through its statuses', async () => {
    const created = await gql(
      t.url,
      admin,
      `mutation($b: ID!) { createMeeting(input: { bodyId: $b, title: "Extra sammanträde",
      startsAt: "2027-02-03T17:00:00Z", endsAt: "2027-02-03T20:00:00Z", place: "Stadshuset, KF-salen" }) { id status nextStatuses } }`,
      { b: council },
    );
    const meeting = created.data!.createMeeting;
    assert.equal(meeting.status, 'PLANNED');
    assert.deepEqual(meeting.nextStatuses, ['CONVENED', 'CANCELLED']);

    const item = await gql(
      t.url,
      admin,
      `mutation($m: ID!) { createAgendaItem(input: { meetingId: $m, number: 1, title: "Personalärende",
      confidential: true, kinds: ["personnel"] }) { number confidential closedVote kinds } }`,
      { m: meeting.id },
    );
    assert.deepEqual(item.data!.createAgendaItem, { number: 1, confidential: true, closedVote: false, kinds: ['personnel'] });
    // Changing the title leaves the confidentiality alone (updates change only what they name).
    const itemId = (await gql(t.url, admin, 'query($m: ID!) { agendaItems(filter: { meetingId: $m }) { items { id } } }', { m: meeting.id })).data!.agendaItems
      .items[0].id;
    const retitled = await gql(
      t.url,
      admin,
      'mutation($id: ID!) { updateAgendaItem(id: $id, input: { title: "Personalärende: lönesättning" }) { title confidential kinds } }',
      { id: itemId },
    );
    assert.deepEqual(retitled.data!.updateAgendaItem, { title: 'Personalärende: lönesättning', confidential: true, kinds: ['personnel'] });
    const nullTitle = await gql(t.url, admin, 'mutation($id: ID!) { updateMeeting(id: $id, input: { title: null }) { id } }', { id: meeting.id });
    assert.equal(errorCode(nullTitle), 'BAD_USER_INPUT');
    assert.ok(nullTitle.errors![0]!.extensions!.fields!.title);
    const duplicate = await gql(t.url, admin, 'mutation($m: ID!) { createAgendaItem(input: { meetingId: $m, number: 1, title: "Igen" }) { id } }', {
      m: meeting.id,
    });
    assert.equal(errorCode(duplicate), 'CONFLICT');

    const member = (await gql(t.url, admin, 'query($b: ID!) { members(filter: { bodyId: $b }, perPage: 1) { items { id } } }', { b: council })).data!.members
      .items[0].id;
    const attendance = await gql(
      t.url,
      admin,
      `mutation($m: ID!, $p: ID!) { createAttendance(input: { meetingId: $m, memberId: $p, mode: REMOTE }) { mode member { id } } }`,
      { m: meeting.id, p: member },
    );
    assert.deepEqual(attendance.data!.createAttendance, { mode: 'REMOTE', member: { id: member } });

    // Someone without a seat in the council cannot attend its meeting as a member.
    const outsider = (await gql(t.url, admin, 'mutation { createMember(input: { name: "Gäst Gästsson" }) { id email } }')).data!.createMember;
    assert.equal(outsider.email, null, 'members need no e-mail address');
    const notSeated = await gql(t.url, admin, `mutation($m: ID!, $p: ID!) { createAttendance(input: { meetingId: $m, memberId: $p, mode: ON_SITE }) { id } }`, {
      m: meeting.id,
      p: outsider.id,
    });
    assert.equal(errorCode(notSeated), 'BAD_USER_INPUT');
    const twice = await gql(t.url, admin, `mutation($m: ID!, $p: ID!) { createAttendance(input: { meetingId: $m, memberId: $p, mode: ON_SITE }) { id } }`, {
      m: meeting.id,
      p: member,
    });
    assert.equal(errorCode(twice), 'CONFLICT');

    const skip = await gql(t.url, admin, 'mutation($id: ID!) { changeMeetingStatus(id: $id, status: IN_PROGRESS) { status } }', { id: meeting.id });
    assert.equal(errorCode(skip), 'CONFLICT');
    // The remote member lacks training and identity under Lysekil's rules (test/api/rules covers
    // that gate); here the administrator convenes anyway, with a reason.
    const override = 'Extra sammanträde: utbildningen sker före mötet, enligt KS ordförande.';
    for (const status of ['CONVENED', 'IN_PROGRESS', 'RECESS', 'IN_PROGRESS', 'ENDED']) {
      const res = await gql(
        t.url,
        admin,
        'mutation($id: ID!, $s: MeetingStatus!, $r: String) { changeMeetingStatus(id: $id, status: $s, overrideReason: $r) { status } }',
        {
          id: meeting.id,
          s: status,
          r: status === 'CONVENED' ? override : null,
        },
      );
      assert.equal(res.data?.changeMeetingStatus.status, status, JSON.stringify(res.errors));
    }
    const afterEnd = await gql(t.url, admin, 'mutation($id: ID!) { updateMeeting(id: $id, input: { place: "Annan sal" }) { id } }', { id: meeting.id });
    assert.equal(errorCode(afterEnd), 'CONFLICT');
    const deleteEnded = await gql(t.url, admin, 'mutation($id: ID!) { deleteMeeting(id: $id) }', { id: meeting.id });
    assert.equal(errorCode(deleteEnded), 'CONFLICT');
  });

  it("lists a body's seats presidium first, then members, then deputies", async () => {
    const res = await gql(t.url, admin, 'query($b: ID!) { bodyMemberships(filter: { bodyId: $b }, perPage: 100, sortField: "role") { items { role } } }', {
      b: council,
    });
    const roles = res.data!.bodyMemberships.items.map((m: { role: string }) => m.role);
    const rank = { CHAIR: 0, VICE_CHAIR: 1, MEMBER: 2, DEPUTY: 3 } as Record<string, number>;
    assert.equal(roles[0], 'CHAIR');
    assert.deepEqual(
      roles,
      [...roles].sort((a: string, b: string) => rank[a]! - rank[b]!),
    );
    assert.ok(roles.includes('DEPUTY'));
  });

  it('refuses a sub-committee without a parent committee, and a parent that is not a committee', async () => {
    const orphan = await gql(t.url, admin, 'mutation { createBody(input: { name: "Utskott", kind: SUB_COMMITTEE }) { id } }');
    assert.equal(errorCode(orphan), 'BAD_USER_INPUT');
    assert.ok(orphan.errors![0]!.extensions!.fields!.parentBodyId);
    const underCouncil = await gql(t.url, admin, 'mutation($p: ID!) { createBody(input: { name: "Utskott", kind: SUB_COMMITTEE, parentBodyId: $p }) { id } }', {
      p: council,
    });
    assert.equal(errorCode(underCouncil), 'BAD_USER_INPUT');
  });

  describe('bad input gets a clear error with a stable code and writes nothing', () => {
    const cases: [string, string, Record<string, unknown>, string, string?][] = [
      [
        'end before start',
        `mutation($b: ID!) { createMeeting(input: { bodyId: $b, title: "X", startsAt: "2027-01-01T12:00:00Z", endsAt: "2027-01-01T11:00:00Z", place: "Sal" }) { id } }`,
        {},
        'BAD_USER_INPUT',
        'endsAt',
      ],
      [
        'an unknown body',
        `mutation { createMeeting(input: { bodyId: "5b0c8f0e-0000-4000-8000-000000000000", title: "X", startsAt: "2027-01-01T10:00:00Z", endsAt: "2027-01-01T11:00:00Z", place: "Sal" }) { id } }`,
        {},
        'BAD_USER_INPUT',
        'bodyId',
      ],
      [
        'an id that is not a UUID',
        `mutation { createMeeting(input: { bodyId: "42", title: "X", startsAt: "2027-01-01T10:00:00Z", endsAt: "2027-01-01T11:00:00Z", place: "Sal" }) { id } }`,
        {},
        'BAD_USER_INPUT',
        'bodyId',
      ],
      [
        'a missing required field',
        `mutation($b: ID!) { createMeeting(input: { bodyId: $b, startsAt: "2027-01-01T10:00:00Z", endsAt: "2027-01-01T11:00:00Z", place: "Sal" }) { id } }`,
        {},
        'BAD_USER_INPUT',
      ],
      [
        'a place of only spaces',
        `mutation($b: ID!) { createMeeting(input: { bodyId: $b, title: "X", startsAt: "2027-01-01T10:00:00Z", endsAt: "2027-01-01T11:00:00Z", place: "   " }) { id } }`,
        {},
        'BAD_USER_INPUT',
        'place',
      ],
      [
        'an empty title',
        `mutation($b: ID!) { createMeeting(input: { bodyId: $b, title: "  ", startsAt: "2027-01-01T10:00:00Z", endsAt: "2027-01-01T11:00:00Z", place: "Sal" }) { id } }`,
        {},
        'BAD_USER_INPUT',
      ],
      [
        'a wrong type',
        `mutation($b: ID!) { createMeeting(input: { bodyId: $b, title: 12, startsAt: "2027-01-01T10:00:00Z", endsAt: "2027-01-01T11:00:00Z", place: "Sal" }) { id } }`,
        {},
        'BAD_USER_INPUT',
      ],
      [
        'a date that is no date',
        `mutation($b: ID!) { createMeeting(input: { bodyId: $b, title: "X", startsAt: "tisdag", endsAt: "2027-01-01T11:00:00Z", place: "Sal" }) { id } }`,
        {},
        'BAD_USER_INPUT',
      ],
      ['an unknown enum value', `mutation { createBody(input: { name: "X", kind: PARLIAMENT }) { id } }`, {}, 'BAD_USER_INPUT'],
      [
        'negative seats',
        `mutation($p: ID!) { createPartyGroup(input: { name: "X", partyId: $p, councilSeats: -1 }) { id } }`,
        {},
        'BAD_USER_INPUT',
        'councilSeats',
      ],
      ['an invalid e-mail', `mutation { createMember(input: { name: "Ny Ledamot", email: "inte-en-adress" }) { id } }`, {}, 'BAD_USER_INPUT', 'email'],
      ['an unknown id to update', `mutation { updateBody(id: "5b0c8f0e-0000-4000-8000-000000000001", input: { name: "X" }) { id } }`, {}, 'NOT_FOUND'],
      ['an unknown id to delete', `mutation { deleteMember(id: "5b0c8f0e-0000-4000-8000-000000000001") }`, {}, 'NOT_FOUND'],
    ];
    for (const [what, query, , code, field] of cases) {
      it(what, async () => {
        const party = (await gql(t.url, admin, '{ parties(perPage: 1) { items { id } } }')).data!.parties.items[0].id;
        const before = await Promise.all(['meeting', 'body', 'member', 'party_group'].map(count));
        const res = await gql(t.url, admin, query, { b: council, p: party });
        assert.equal(errorCode(res), code, JSON.stringify(res.errors));
        assert.ok(res.errors![0]!.message.length > 10, 'a message a person can read');
        if (field) assert.ok(res.errors![0]!.extensions!.fields?.[field], `names the field ${field}`);
        assert.deepEqual(await Promise.all(['meeting', 'body', 'member', 'party_group'].map(count)), before);
      });
    }

    it('rolls back the earlier writes of a request whose later mutation fails', async () => {
      const before = await count('body');
      const res = await gql(
        t.url,
        admin,
        `mutation {
        a: createBody(input: { name: "Tillfällig nämnd", kind: COMMITTEE }) { id }
        b: createBody(input: { name: "Utskott utan nämnd", kind: SUB_COMMITTEE }) { id } }`,
      );
      assert.equal(errorCode(res), 'BAD_USER_INPUT');
      assert.equal(await count('body'), before);
    });
  });
});
