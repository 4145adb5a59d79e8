import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { errorCode, gql, startTestApp, tenantOf, type GraphQLResponse, type TestApp } from '../support/test-app.js';
import { sql } from '../support/sql.js';

const A = 'uddevalla';
const B = 'trollhattan';
const DAY = 86_400_000;

function ok<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!;
}

/** Operations no other test called: updates and deletes, withdrawals, rule versions in force, templates, audit listing. */
describe('operations beyond the happy paths: update and delete, uninvite, rules in force, templates, audit log', () => {
  let t: TestApp;
  let admin: string;
  let secretary: string;
  let support: string;
  let adminB: string;
  let coordinator: string;
  const call = (query: string, variables?: Record<string, unknown>, token = admin) => gql(t.url, token, query, variables);

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.realm.token(A, ['tenant-admin']);
    secretary = t.realm.token(A, ['secretary']);
    support = t.realm.token(A, ['support']);
    adminB = t.realm.token(B, ['tenant-admin']);
    coordinator = t.realm.token('fyrbodal', ['coordinator']);
  });
  afterAll(() => t.close());

  const firstId = async (list: string, token = admin) =>
    ok(await call(`{ ${list}(perPage: 1) { items { id } } }`, undefined, token))[list].items[0].id as string;

  it('updates and deletes members; refuses another municipality’s party and a bad e-mail', async () => {
    const created = ok(
      await call('mutation { createMember(input: { name: "Ulla Uppdaterad", email: "ulla@example.se" }) { id } }', undefined, secretary),
    ).createMember;
    const partyA = await firstId('parties');
    const partyB = await firstId('parties', adminB);
    const updated = ok(
      await call(
        'mutation($id: ID!, $p: ID) { updateMember(id: $id, input: { name: "Ulla Ändrad", partyId: $p, phone: "+46 70 123 45 67" }) { name partyId phone email } }',
        { id: created.id, p: partyA },
        secretary,
      ),
    ).updateMember;
    assert.deepEqual(updated, { name: 'Ulla Ändrad', partyId: partyA, phone: '+46 70 123 45 67', email: 'ulla@example.se' });

    assert.equal(
      errorCode(await call('mutation($id: ID!, $p: ID) { updateMember(id: $id, input: { partyId: $p }) { id } }', { id: created.id, p: partyB })),
      'BAD_USER_INPUT',
    );
    assert.equal(
      errorCode(await call('mutation($id: ID!) { updateMember(id: $id, input: { email: "inte en adress" }) { id } }', { id: created.id })),
      'BAD_USER_INPUT',
    );
    assert.equal(
      ok(await call('query($id: ID!) { member(id: $id) { partyId email } }', { id: created.id })).member.partyId,
      partyA,
      'refused updates change nothing',
    );

    assert.equal(ok(await call('mutation($id: ID!) { deleteMember(id: $id) }', { id: created.id }, secretary)).deleteMember, created.id);
    assert.equal(ok(await call('query($id: ID!) { member(id: $id) { id } }', { id: created.id })).member, null);
    assert.equal(errorCode(await call('mutation($id: ID!) { deleteMember(id: $id) }', { id: created.id })), 'NOT_FOUND');
    assert.equal(errorCode(await call('mutation($id: ID!) { updateMember(id: $id, input: { name: "Igen" }) { id } }', { id: created.id })), 'NOT_FOUND');
  });

  it('updates and deletes parties and party groups (administrators only); a party still in use stays', async () => {
    const party = ok(await call('mutation { createParty(input: { name: "Provpartiet", abbreviation: "PP" }) { id } }')).createParty;
    assert.deepEqual(
      ok(await call('mutation($id: ID!) { updateParty(id: $id, input: { name: "Provpartiet i Uddevalla" }) { name abbreviation } }', { id: party.id }))
        .updateParty,
      {
        name: 'Provpartiet i Uddevalla',
        abbreviation: 'PP',
      },
    );
    assert.equal(
      errorCode(await call('mutation($id: ID!) { updateParty(id: $id, input: { name: "Kapat" }) { id } }', { id: party.id }, secretary)),
      'FORBIDDEN',
    );
    assert.equal(
      errorCode(await call('mutation($id: ID!) { updateParty(id: $id, input: { abbreviation: "   " }) { id } }', { id: party.id })),
      'BAD_USER_INPUT',
    );

    const group = ok(
      await call('mutation($p: ID!) { createPartyGroup(input: { name: "Provpartiets grupp", partyId: $p, councilSeats: 2 }) { id } }', { p: party.id }),
    ).createPartyGroup;
    const changed = ok(
      await call('mutation($id: ID!) { updatePartyGroup(id: $id, input: { councilSeats: 4, name: "PP-gruppen" }) { councilSeats name party { name } } }', {
        id: group.id,
      }),
    ).updatePartyGroup;
    assert.deepEqual(changed, { councilSeats: 4, name: 'PP-gruppen', party: { name: 'Provpartiet i Uddevalla' } });
    assert.equal(
      errorCode(await call('mutation($id: ID!) { updatePartyGroup(id: $id, input: { councilSeats: -1 }) { id } }', { id: group.id })),
      'BAD_USER_INPUT',
    );
    assert.equal(
      errorCode(
        await call('mutation($id: ID!, $p: ID) { updatePartyGroup(id: $id, input: { partyId: $p }) { id } }', {
          id: group.id,
          p: await firstId('parties', adminB),
        }),
      ),
      'BAD_USER_INPUT',
    );
    assert.equal(errorCode(await call('mutation($id: ID!) { deletePartyGroup(id: $id) }', { id: group.id }, secretary)), 'FORBIDDEN');

    // The group still points at the party: deleting the party is refused and both remain.
    const refused = await call('mutation($id: ID!) { deleteParty(id: $id) }', { id: party.id });
    assert.ok(['BAD_USER_INPUT', 'CONFLICT'].includes(errorCode(refused)!), JSON.stringify(refused.errors));
    assert.ok(ok(await call('query($id: ID!) { party(id: $id) { id } }', { id: party.id })).party);

    assert.equal(ok(await call('mutation($id: ID!) { deletePartyGroup(id: $id) }', { id: group.id })).deletePartyGroup, group.id);
    assert.equal(ok(await call('query($id: ID!) { partyGroup(id: $id) { id } }', { id: group.id })).partyGroup, null);
    assert.equal(ok(await call('mutation($id: ID!) { deleteParty(id: $id) }', { id: party.id })).deleteParty, party.id);
    assert.equal(ok(await call('query($id: ID!) { party(id: $id) { id } }', { id: party.id })).party, null);
    assert.equal(errorCode(await call('mutation($id: ID!) { deleteParty(id: $id) }', { id: party.id })), 'NOT_FOUND');
  });

  it('changes a seat’s role and removes the seat', async () => {
    const body = await firstId('bodies');
    const member = ok(await call('mutation { createMember(input: { name: "Sara Sittande" }) { id } }')).createMember;
    const seat = ok(
      await call(
        'mutation($b: ID!, $m: ID!) { createBodyMembership(input: { bodyId: $b, memberId: $m, role: MEMBER }) { id role } }',
        { b: body, m: member.id },
        secretary,
      ),
    ).createBodyMembership;
    assert.equal(seat.role, 'MEMBER');
    const deputy = ok(
      await call(
        'mutation($id: ID!) { updateBodyMembership(id: $id, input: { role: DEPUTY }) { role body { id } member { id } } }',
        { id: seat.id },
        secretary,
      ),
    ).updateBodyMembership;
    assert.deepEqual(deputy, { role: 'DEPUTY', body: { id: body }, member: { id: member.id } });
    assert.equal(
      errorCode(await call('mutation($id: ID!) { updateBodyMembership(id: $id, input: { role: DEPUTY }) { id } }', { id: seat.id }, support)),
      'FORBIDDEN',
    );
    const seatsOf = async () =>
      ok(await call('query($m: ID) { bodyMemberships(filter: { memberId: $m }) { total items { role } } }', { m: member.id })).bodyMemberships;
    assert.deepEqual(await seatsOf(), { total: 1, items: [{ role: 'DEPUTY' }] });

    assert.equal(ok(await call('mutation($id: ID!) { deleteBodyMembership(id: $id) }', { id: seat.id }, secretary)).deleteBodyMembership, seat.id);
    assert.deepEqual(await seatsOf(), { total: 0, items: [] });
    assert.equal(errorCode(await call('mutation($id: ID!) { deleteBodyMembership(id: $id) }', { id: seat.id })), 'NOT_FOUND');
  });

  it('refuses free-text search on lists that have none, instead of failing in SQL', async () => {
    for (const list of ['bodyMemberships', 'attendances']) {
      const res = await call(`{ ${list}(filter: { q: "Anna" }) { total } }`);
      assert.equal(errorCode(res), 'BAD_USER_INPUT', `${list}: ${JSON.stringify(res.errors)}`);
    }
    assert.ok(ok(await call('{ members(filter: { q: "a" }) { total } }')).members.total > 0, 'searchable lists still search');
  });

  it('withdraws practice invitations not yet attended, and refuses members it does not have', async () => {
    const members = ok(await call('{ members(perPage: 3) { items { id } } }')).members.items.map((m: { id: string }) => m.id);
    const start = new Date(Date.now() + 10 * DAY);
    const session = ok(
      await call('mutation($i: CreatePracticeSessionInput!) { createPracticeSession(input: $i) { id } }', {
        i: {
          title: 'Övning i distansdeltagande',
          moduleKey: 'remote-participation-basics',
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        },
      }),
    ).createPracticeSession;
    ok(await call('mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', { s: session.id, m: members }));
    const invitees = async () =>
      ok(await call('query($id: ID!) { practiceSession(id: $id) { invitees { memberId } } }', { id: session.id }))
        .practiceSession.invitees.map((i: { memberId: string }) => i.memberId)
        .sort();

    ok(
      await call(
        'mutation($s: ID!, $m: [ID!]!) { uninviteFromPracticeSession(sessionId: $s, memberIds: $m) { id } }',
        { s: session.id, m: [members[0]] },
        secretary,
      ),
    );
    assert.deepEqual(await invitees(), members.slice(1).sort());
    ok(await call('mutation($s: ID!, $m: [ID!]!) { uninviteFromPracticeSession(sessionId: $s, memberIds: $m) { id } }', { s: session.id, m: [members[0]] }));
    assert.deepEqual(await invitees(), members.slice(1).sort(), 'withdrawing twice changes nothing');

    const memberOfB = ok(await call('{ members(perPage: 1) { items { id } } }', undefined, adminB)).members.items[0].id;
    assert.equal(
      errorCode(
        await call('mutation($s: ID!, $m: [ID!]!) { uninviteFromPracticeSession(sessionId: $s, memberIds: $m) { id } }', {
          s: session.id,
          m: [memberOfB, members[1]],
        }),
      ),
      'BAD_USER_INPUT',
    );
    assert.deepEqual(await invitees(), members.slice(1).sort(), 'a refused withdrawal withdraws no one');
    assert.equal(
      errorCode(
        await call(
          'mutation($s: ID!, $m: [ID!]!) { uninviteFromPracticeSession(sessionId: $s, memberIds: $m) { id } }',
          { s: session.id, m: [members[1]] },
          support,
        ),
      ),
      'FORBIDDEN',
    );
    assert.equal(
      errorCode(
        await call(
          'mutation($s: ID!, $m: [ID!]!) { uninviteFromPracticeSession(sessionId: $s, memberIds: $m) { id } }',
          { s: session.id, m: [members[1]] },
          adminB,
        ),
      ),
      'NOT_FOUND',
    );

    // Attendance is part of the record: an attended invitation is not withdrawn.
    await sql(t.ownerUrl, "update practice_session set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = $1", [
      session.id,
    ]);
    ok(await call('mutation($s: ID!, $m: [ID!]!) { recordPracticeAttendance(sessionId: $s, memberIds: $m) { id } }', { s: session.id, m: [members[1]] }));
    ok(
      await call('mutation($s: ID!, $m: [ID!]!) { uninviteFromPracticeSession(sessionId: $s, memberIds: $m) { id } }', { s: session.id, m: members.slice(1) }),
    );
    assert.deepEqual(await invitees(), [members[1]]);
  });

  it('answers which rule version is in force at an instant: none before the first, the newer from its effective date', async () => {
    const history = ok(await call('{ ruleSetVersions { id version status effectiveFrom } }')).ruleSetVersions;
    const first = history.find((v: { status: string }) => v.status === 'PUBLISHED');
    assert.ok(first, 'the demo has a published version');
    const inForce = async (at?: string, token = admin) =>
      ok(await call('query($at: DateTime) { ruleSetInForce(at: $at) { id version } }', { at }, token)).ruleSetInForce;
    assert.equal((await inForce()).id, first.id);
    assert.equal(await inForce('2000-01-01T12:00:00Z'), null, 'before the first decision only the law applies');

    ok(await call('mutation { createRuleSetDraft(input: { from: CURRENT_VERSION, effectiveFrom: "2030-01-01" }) { id } }'));
    const draft = ok(await call('{ ruleSetVersions { id status } }')).ruleSetVersions.find((v: { status: string }) => v.status === 'DRAFT');
    assert.equal((await inForce('2031-06-01T12:00:00Z')).id, first.id, 'a draft is never in force');
    const published = ok(
      await call(
        'mutation($id: ID!) { publishRuleSet(id: $id, input: { decidedBy: COUNCIL, decisionReference: "KF 2029-12-01 § 7", decidedOn: "2029-12-01", effectiveFrom: "2030-01-01" }) { id version } }',
        { id: draft.id },
      ),
    ).publishRuleSet;
    assert.equal((await inForce()).id, first.id, 'not yet in force today');
    assert.equal((await inForce('2030-01-02T12:00:00Z')).id, published.id);
    assert.equal((await inForce('2030-01-02T12:00:00Z', support)).id, published.id, 'support staff read it too');
    assert.notEqual((await inForce(undefined, adminB))?.id, published.id, "another municipality's versions are its own");
    assert.equal(errorCode(await call('{ ruleSetInForce { id } }', undefined, coordinator)), 'FORBIDDEN');
  });

  it('lists every regional template version, newest first, for municipalities and coordinators', async () => {
    const before = ok(await call('{ regionalTemplates { id version name } regionalTemplate { id } }', undefined, support));
    assert.ok(before.regionalTemplates.length >= 1);
    assert.equal(before.regionalTemplates[0].id, before.regionalTemplate.id, 'the first is the latest');
    const content = ok(await call('{ regionalTemplate { content } }', undefined, coordinator)).regionalTemplate.content;
    const published = ok(
      await call('mutation($c: JSON!) { publishRegionalTemplate(input: { name: "Fyrbodal 2028", content: $c }) { id version } }', { c: content }, coordinator),
    ).publishRegionalTemplate;
    for (const token of [admin, adminB, coordinator]) {
      const versions = ok(await call('{ regionalTemplates { id version } }', undefined, token)).regionalTemplates;
      assert.deepEqual(versions[0], published);
      assert.deepEqual(
        versions.map((v: { version: number }) => v.version),
        [...versions.map((v: { version: number }) => v.version)].sort((a, b) => b - a),
      );
      assert.equal(versions.length, before.regionalTemplates.length + 1);
    }
    assert.equal(errorCode(await gql(t.url, undefined, '{ regionalTemplates { id } }')), 'UNAUTHENTICATED');
  });

  it("lists the municipality's audit log newest first, by subject, never another municipality's", async () => {
    const meetings = ok(await call('{ meetings(perPage: 2) { items { id } } }')).meetings.items.map((m: { id: string }) => m.id);
    const entry = (tenant: string, subject: string, minutesAgo: number, reason: string) =>
      sql(
        t.ownerUrl,
        `insert into audit_log (tenant_id, id, occurred_at, actor_user_id, actor_name, action, subject_type, subject_id, reason, details)
                       values ($1, $2, now() - make_interval(mins => $3), 'u-1', 'Revisor', 'meeting.convene.override', 'meeting', $4, $5, '{"blockers": []}')`,
        [tenantOf(tenant), randomUUID(), minutesAgo, subject, reason],
      );
    await entry(A, meetings[0], 30, 'äldst');
    await entry(A, meetings[1], 20, 'mitten');
    await entry(A, meetings[0], 10, 'nyast');
    const meetingOfB = ok(await call('{ meetings(perPage: 1) { items { id } } }', undefined, adminB)).meetings.items[0].id;
    await entry(B, meetingOfB, 5, 'Trollhättans');

    const all = ok(await call('{ auditEntries { reason subjectId subjectType details occurredAt } }')).auditEntries;
    assert.deepEqual(
      all.map((e: { reason: string }) => e.reason),
      ['nyast', 'mitten', 'äldst'],
    );
    assert.deepEqual(all[0].details, { blockers: [] });
    const one = ok(await call('query($s: ID) { auditEntries(subjectId: $s) { reason } }', { s: meetings[0] })).auditEntries;
    assert.deepEqual(
      one.map((e: { reason: string }) => e.reason),
      ['nyast', 'äldst'],
    );
    assert.deepEqual(ok(await call('query($s: ID) { auditEntries(subjectId: $s) { reason } }', { s: meetingOfB })).auditEntries, []);
    assert.deepEqual(
      ok(await call('{ auditEntries { reason } }', undefined, adminB)).auditEntries.map((e: { reason: string }) => e.reason),
      ['Trollhättans'],
    );
    for (const token of [secretary, support, coordinator]) assert.equal(errorCode(await call('{ auditEntries { id } }', undefined, token)), 'FORBIDDEN');
    assert.equal(errorCode(await call('query($s: ID) { auditEntries(subjectId: $s) { id } }', { s: 'inte-ett-id' })), 'BAD_USER_INPUT');
  });

  it('answers input Postgres cannot store with BAD_USER_INPUT: NUL in text, impossible dates, null settings', async () => {
    for (const [query, variables] of [
      ['mutation($n: String!) { createParty(input: { name: $n, abbreviation: "N" }) { id } }', { n: 'Noll\u0000partiet' }],
      ['query($q: String) { members(filter: { q: $q }) { total } }', { q: 'a\u0000' }],
      [
        'mutation($m: ID!) { recordTrainingCompletion(input: { memberId: $m, moduleKey: "remote-participation-basics", completedOn: "2026-02-30" }) { id } }',
        { m: await firstId('members') },
      ],
      ['{ trainingCoverage(filter: { onDate: "2026-02-30" }) { moduleKey } }', {}],
    ] as const) {
      const res = await call(query, variables);
      assert.equal(errorCode(res), 'BAD_USER_INPUT', `${query}: ${JSON.stringify(res.errors)}`);
    }
    assert.equal(errorCode(await call('{ regionalTrainingCoverage(onDate: "2026-02-30") { __typename } }', undefined, coordinator)), 'BAD_USER_INPUT');

    const saved = ok(
      await call(
        'mutation { updateMunicipalitySettings(input: { linkDeliveryLeadMinutes: 90, embedOrigins: ["https://www.uddevalla.se"] }) { linkDeliveryLeadMinutes embedOrigins } }',
      ),
    ).updateMunicipalitySettings;
    const kept = ok(
      await call(
        'mutation { updateMunicipalitySettings(input: { embedOrigins: null, linkDeliveryLeadMinutes: null }) { linkDeliveryLeadMinutes embedOrigins } }',
      ),
    ).updateMunicipalitySettings;
    assert.deepEqual(kept, saved, 'null leaves a setting as it was');
  });

  it('answers a breakout room for a party group it does not have with NOT_FOUND', async () => {
    const [convened] = await sql<{ id: string }>(t.ownerUrl, "select id from meeting where tenant_id = $1 and status = 'convened' limit 1", [tenantOf(A)]);
    const groupOfB = await firstId('partyGroups', adminB);
    for (const partyGroupId of [groupOfB, randomUUID()]) {
      const res = await call('mutation($i: CreateBreakoutRoomInput!) { createBreakoutRoom(input: $i) { id } }', {
        i: { meetingId: convened!.id, partyGroupId },
      });
      assert.equal(errorCode(res), 'NOT_FOUND', JSON.stringify(res.errors));
    }
  });
});
