import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import ical from 'node-ical';
import { localDate } from '@motesplats/rules';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';
import { fixClock } from '../support/fixed-clock.js';
import { mimePart } from '../support/mime.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { enterLink } from '../support/join-links.js';
import { OutboxService } from '@motesplats/api/outbox/outbox.service.js';

const A = 'lysekil';
const B = 'orust';
const MODULE = 'lead-hybrid-meeting';

describe("practice sessions: invitees' personal join links", () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let adminA: string;
  let adminB: string;
  let clock: ReturnType<typeof fixClock>;
  let sessionId: string;
  let withEmail: { id: string; email: string };
  let withoutEmail: { id: string };
  // Whole seconds, so the window's edges are exact.
  const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * 86400_000);
  const endsAt = new Date(startsAt.getTime() + 3600_000);
  const opensAt = new Date(startsAt.getTime() - 15 * 60_000);

  const newMember = async (name: string, email: string | null) => {
    const created = await gql(t.url, adminA, 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
      i: { name, email, identityLevel: 'E_ID' },
    });
    return created.data!.createMember.id as string;
  };
  const page = (token: string) => fetch(`${t.url}/join/${token}`);
  const status = async (token: string) => {
    const res = await fetch(`${t.url}/join/${token}/status`);
    return res.status === 200 ? ((await res.json()) as { state: string; kind: string; embed: { jwt: string } | null }) : res.status;
  };
  const tokenIn = (raw: string) => {
    const ics = mimePart(raw, 'text/calendar');
    assert.ok(ics, 'the mail carries a text/calendar part');
    const event = Object.values(ical.sync.parseICS(ics)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    const url = typeof event.url === 'string' ? event.url : (event.url as unknown as { val: string }).val;
    return { event, token: /\/join\/([A-Za-z0-9_-]{43})$/.exec(url)![1]! };
  };
  const session = async () =>
    (
      await gql(
        t.url,
        adminA,
        `query($id: ID!) { practiceSession(id: $id) {
        invitees { memberId attendedAt }
        membersWithoutEmail { id }
        joinLinks { id practiceSessionId meetingId deliveryChannel deliveredAt useCount firstUsedAt revokedAt member { id } } } }`,
        { id: sessionId },
      )
    ).data!.practiceSession;
  const completions = async (memberId: string) =>
    (
      await gql(
        t.url,
        adminA,
        'query($m: ID!) { trainingCompletions(filter: { memberId: $m }) { items { moduleKey source practiceSessionId completedOn } } }',
        { m: memberId },
      )
    ).data!.trainingCompletions.items;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    adminA = t.realm.token(A, ['tenant-admin']);
    adminB = t.realm.token(B, ['tenant-admin']);
    clock = fixClock(t.app);
    withEmail = { id: await newMember('Övning Epost', 'ovning.epost@example.se'), email: 'ovning.epost@example.se' };
    withoutEmail = { id: await newMember('Övning Utan Epost', null) };
    const created = await gql(t.url, adminA, 'mutation($i: CreatePracticeSessionInput!) { createPracticeSession(input: $i) { id } }', {
      i: { moduleKey: MODULE, title: 'Övning i hybridmöte', startsAt, endsAt, place: null },
    });
    sessionId = created.data!.createPracticeSession.id;
    const invited = await gql(t.url, adminA, 'mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', {
      s: sessionId,
      m: [withEmail.id, withoutEmail.id],
    });
    assert.equal(invited.errors, undefined);
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
    await sink.close();
  });

  it('mails the invitee with e-mail a parseable invitation and lists the one without for the secretary', async () => {
    const res = await gql(t.url, adminA, 'mutation($s: ID!) { sendPracticeSessionLinks(sessionId: $s) { sent forSecretary } }', { s: sessionId });
    assert.deepEqual(res.data!.sendPracticeSessionLinks, { sent: 1, forSecretary: 1 });
    // The mail leaves through the outbox after commit.
    await t.app.get(OutboxService).settle();
    assert.equal(sink.received.length, 1);
    const mail = sink.received[0]!;
    assert.ok(mail.to.includes(withEmail.email));
    const { event } = tokenIn(mail.raw);
    assert.equal(event.summary, 'Övning i hybridmöte');
    assert.equal(new Date(event.start!).toISOString(), startsAt.toISOString());
    assert.equal(new Date(event.end!).toISOString(), endsAt.toISOString());
    assert.match(String(event.description), /övningssammanträdet/);

    const s = await session();
    assert.deepEqual(s.membersWithoutEmail, [{ id: withoutEmail.id }]);
    const byMember = (id: string) => s.joinLinks.find((l: { member: { id: string } }) => l.member.id === id);
    assert.deepEqual(
      [byMember(withEmail.id).deliveryChannel, byMember(withEmail.id).practiceSessionId, byMember(withEmail.id).meetingId],
      ['EMAIL', sessionId, null],
    );
    assert.equal(byMember(withoutEmail.id).deliveryChannel, 'SECRETARY');
    const again = await gql(t.url, adminA, 'mutation($s: ID!) { sendPracticeSessionLinks(sessionId: $s) { sent } }', { s: sessionId });
    assert.equal(again.data!.sendPracticeSessionLinks.sent, 0, 'delivered links are not sent twice');
  });

  it('moving the session mails an update with the new times and the same link, and moving it back restores it', async () => {
    const outbox = t.app.get(OutboxService);
    const before = sink.received.length;
    const later = (d: Date) => new Date(d.getTime() + 86_400_000).toISOString();
    const moved = await gql(t.url, adminA, 'mutation($id: ID!, $i: UpdatePracticeSessionInput!) { updatePracticeSession(id: $id, input: $i) { id } }', {
      id: sessionId,
      i: { startsAt: later(startsAt), endsAt: later(endsAt) },
    });
    assert.equal(moved.errors, undefined);
    await outbox.settle();
    assert.equal(sink.received.length, before + 1, 'one update to the one invitee with e-mail');
    const update = tokenIn(sink.received.at(-1)!.raw);
    const original = tokenIn(sink.received[0]!.raw);
    assert.equal(new Date(update.event.start!).toISOString(), later(startsAt));
    assert.equal(update.token, original.token, 'the link keeps working: the same token');
    assert.ok(Number(update.event.sequence) > Number(original.event.sequence));
    const back = await gql(t.url, adminA, 'mutation($id: ID!, $i: UpdatePracticeSessionInput!) { updatePracticeSession(id: $id, input: $i) { id } }', {
      id: sessionId,
      i: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    assert.equal(back.errors, undefined);
    await outbox.settle();
    assert.equal(sink.received.length, before + 2);
  });

  it('is refused one second before its window, works one second after, and records attendance and one completion', async () => {
    const { token } = tokenIn(sink.received[0]!.raw);
    clock.set(new Date(opensAt.getTime() - 1000));
    const early = await status(token);
    assert.ok(typeof early === 'object' && early.state === 'not_yet_open' && early.embed === null);
    assert.equal((await session()).invitees.find((i: { memberId: string }) => i.memberId === withEmail.id).attendedAt, null);
    assert.deepEqual(await completions(withEmail.id), []);

    clock.set(new Date(opensAt.getTime() + 1000));
    const html = await (await page(token)).text();
    assert.match(html, /Övningssammanträde: Övning i hybridmöte/);
    for (let i = 0; i < 10; i++) {
      for (const path of [`/join/${token}`, `/join/${token}/status`]) {
        for (const method of ['GET', 'HEAD']) assert.equal((await fetch(t.url + path, { method })).status, 200);
      }
    }
    assert.equal(
      (await session()).invitees.find((i: { memberId: string }) => i.memberId === withEmail.id).attendedAt,
      null,
      'opening the page is not attending',
    );
    assert.equal((await session()).joinLinks.find((l: { member: { id: string } }) => l.member.id === withEmail.id).useCount, 0);
    assert.deepEqual(await completions(withEmail.id), []);
    await enterLink(t.url, token);
    const open = await enterLink(t.url, token);
    assert.ok(typeof open === 'object' && open.state === 'open' && open.kind === 'practice');
    const claims = JSON.parse(Buffer.from(open.embed!.jwt.split('.')[1]!, 'base64url').toString());
    assert.deepEqual([claims.nbf, claims.exp], [opensAt.getTime() / 1000, endsAt.getTime() / 1000], 'the Jitsi token is bound to the window');

    const s = await session();
    assert.ok(s.invitees.find((i: { memberId: string }) => i.memberId === withEmail.id).attendedAt);
    const link = s.joinLinks.find((l: { member: { id: string } }) => l.member.id === withEmail.id);
    assert.equal(link.useCount, 2, 'both uses counted');
    assert.deepEqual(await completions(withEmail.id), [
      { moduleKey: MODULE, source: 'PRACTICE_SESSION', practiceSessionId: sessionId, completedOn: localDate(startsAt) },
    ]);
  });

  it('a revoked link is refused like any invalid one; a resend for a member without e-mail shows a working link once', async () => {
    clock.set(new Date(opensAt.getTime() + 60_000));
    const links = (await session()).joinLinks;
    const handed = await gql(t.url, adminA, 'mutation($id: ID!) { resendJoinLink(id: $id) { url link { deliveryChannel } } }', {
      id: links.find((l: { member: { id: string } }) => l.member.id === withoutEmail.id).id,
    });
    const token = /\/join\/([A-Za-z0-9_-]{43})$/.exec(handed.data!.resendJoinLink.url)![1]!;
    const open = await enterLink(t.url, token);
    assert.ok(typeof open === 'object' && open.state === 'open');
    assert.equal((await completions(withoutEmail.id)).length, 1);

    const revoked = await gql(t.url, adminA, 'mutation($id: ID!) { revokeJoinLink(id: $id) { revokedAt } }', {
      id: links.find((l: { member: { id: string } }) => l.member.id === withoutEmail.id).id,
    });
    assert.ok(revoked.data!.revokeJoinLink.revokedAt);
    assert.equal(await status(token), 404);
    const refused = await page(token);
    assert.equal(refused.status, 404);
    assert.match(await refused.text(), /Länken gäller inte/);
  });

  it("another municipality neither sees nor sends the session's links, and its tokens reach only their own rows", async () => {
    const fromB = await gql(t.url, adminB, 'query($id: ID!) { practiceSession(id: $id) { id } }', { id: sessionId });
    assert.equal(fromB.data!.practiceSession, null);
    const send = await gql(t.url, adminB, 'mutation($s: ID!) { sendPracticeSessionLinks(sessionId: $s) { sent } }', { s: sessionId });
    assert.equal(errorCode(send), 'NOT_FOUND');
    const linkId = (await session()).joinLinks[0].id;
    for (const mutation of ['resendJoinLink', 'revokeJoinLink']) {
      const res = await gql(t.url, adminB, `mutation($id: ID!) { ${mutation}(id: $id) { __typename } }`, { id: linkId });
      assert.equal(errorCode(res), 'NOT_FOUND', mutation);
    }
    // B's own practice session, with a link issued: it opens B's session, never A's.
    const bMember = (
      await gql(t.url, adminB, 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
        i: { name: 'Orust Övare', email: null, identityLevel: 'E_ID' },
      })
    ).data!.createMember.id;
    const bSession = (
      await gql(t.url, adminB, 'mutation($i: CreatePracticeSessionInput!) { createPracticeSession(input: $i) { id } }', {
        i: { moduleKey: MODULE, title: 'Orust övar', startsAt, endsAt, place: 'Henån' },
      })
    ).data!.createPracticeSession.id;
    await gql(t.url, adminB, 'mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', { s: bSession, m: [bMember] });
    const bLinks = (await gql(t.url, adminB, 'query($id: ID!) { practiceSession(id: $id) { joinLinks { id practiceSessionId } } }', { id: bSession })).data!
      .practiceSession.joinLinks;
    assert.equal(bLinks.length, 1);
    assert.equal(bLinks[0].practiceSessionId, bSession);
    const handed = await gql(t.url, adminB, 'mutation($id: ID!) { resendJoinLink(id: $id) { url } }', { id: bLinks[0].id });
    const bToken = /\/join\/([A-Za-z0-9_-]{43})$/.exec(handed.data!.resendJoinLink.url)![1]!;
    const html = await (await page(bToken)).text();
    assert.match(html, /Orust övar/);
    assert.doesNotMatch(html, /Övning i hybridmöte/);
    assert.deepEqual(
      (await session()).invitees.map((i: { memberId: string }) => i.memberId).sort(),
      [withEmail.id, withoutEmail.id].sort(),
      "A's session is untouched",
    );
  });

  it("the schema allows exactly one target per link, and no link to another municipality's session", async () => {
    const db = t.app.get(TenantDb);
    const insert = (slug: string, meetingId: string | null) =>
      db.run(tenantOf(slug), async (em) => {
        const [member] = await em.query('select id from member limit 1');
        await em.query('insert into join_link (id, meeting_id, practice_session_id, member_id) values (gen_random_uuid(), $1, $2, $3)', [
          meetingId,
          sessionId,
          member.id,
        ]);
      });
    const meetingOfA = await db.run(tenantOf(A), async (em) => (await em.query('select id from meeting limit 1'))[0].id as string);
    await assert.rejects(insert(A, meetingOfA), /join_link_one_target/);
    await assert.rejects(insert(B, null), /foreign key/);
  });
});
