import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { sql } from '../support/sql.js';
import ical from 'node-ical';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { DELIVERY_QUEUE } from '@motesplats/api/breakout-rooms/queues.js';
import { LinkDeliveryProcessor } from '@motesplats/api/join-links/link-delivery.processor.js';
import { OutboxService } from '@motesplats/api/outbox/outbox.service.js';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { JoinLinksService } from '@motesplats/api/join-links/join-links.service.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';
import { fixClock } from '../support/fixed-clock.js';
import { mimePart } from '../support/mime.js';
import { startSmtpSink } from '../support/smtp-sink.js';

const A = 'stromstad';
const B = 'bengtsfors';
const id = (slug: string, key: string) => demoId(`${slug}:${key}`);

describe('delivering join links by e-mail with an iCalendar invitation, and the personal calendar feed', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let secretary: string;
  let clock: ReturnType<typeof fixClock>;
  const kf = id(A, 'meeting:kf-next');
  let firstWindow: { opensAt: string; closesAt: string };

  /** The outbox carries mail out after commit: wait until it has. */
  const settle = () => t.app.get(OutboxService).settle();
  const owner = <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => sql<T>(t.ownerUrl, text, params);
  const invitation = (raw: string) => {
    const ics = mimePart(raw, 'text/calendar');
    assert.ok(ics, 'the mail carries a text/calendar part');
    const parsed = ical.sync.parseICS(ics);
    const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    return { ics, event, method: (parsed.vcalendar as unknown as { method?: string })?.method };
  };
  const urlOf = (event: ical.VEvent) => (typeof event.url === 'string' ? event.url : (event.url as unknown as { val: string }).val);
  const tokenOf = (url: string) => /\/join\/([A-Za-z0-9_-]{43})$/.exec(url)![1]!;
  const state = async (token: string) => {
    const res = await fetch(`${t.url}/join/${token}/status`);
    return res.status === 200 ? ((await res.json()) as { state: string }).state : res.status;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    secretary = t.realm.token(A, ['secretary']);
    clock = fixClock(t.app);
    const res = await gql(t.url, secretary, `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt closesAt } } }`, { m: kf });
    firstWindow = res.data!.setUpBreakoutRooms[0].windows[0];
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
    await sink.close();
  });

  it('lists the invitations without writing them; sending writes each under the id it was listed with', async () => {
    const listed = async () =>
      (await gql(t.url, secretary, 'query($m: ID!) { meeting(id: $m) { joinLinks { id roomId memberId deliveredAt } } }', { m: kf })).data!.meeting
        .joinLinks as { id: string; roomId: string | null; memberId: string; deliveredAt: string | null }[];
    const before = await owner<{ n: number }>('select count(*)::int as n from join_link where meeting_id = $1', [kf]);
    const first = await listed();
    assert.ok(first.some((l) => l.roomId) && first.every((l) => !l.deliveredAt), 'the rooms invite their seats; nothing is sent yet');
    assert.deepEqual(await listed(), first, 'the same invitations, under the same ids, every time');
    const after = await owner<{ n: number }>('select count(*)::int as n from join_link where meeting_id = $1', [kf]);
    assert.equal(after[0]!.n, before[0]!.n, 'reading wrote no join_link rows');
    // Written by the delivery itself (rolled back here: the send of the next test is the real one).
    const written = await t.app
      .get(TenantDb)
      .run(tenantOf(A), async (em) => {
        await t.app.get(JoinLinksService).syncInvitations(kf);
        const rows: { id: string }[] = await em.query('select id from join_link where meeting_id = $1', [kf]);
        throw Object.assign(new Error('rollback'), { rows });
      })
      .catch((e: { rows?: { id: string }[] }) => e.rows ?? []);
    assert.deepEqual(new Set(written.map((r) => r.id)), new Set(first.map((l) => l.id)), 'the rows written carry the ids the read listed');
  });

  it('e-mails each member one invitation whose iCalendar event carries working links, and lists those without e-mail', async () => {
    const listed = await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { membersBlockedFromRemote { member { id } } } }`, { m: kf });
    const blockedIds = (listed.data!.meeting.membersBlockedFromRemote as { member: { id: string } }[]).map((b) => b.member.id);
    const res = await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent forSecretary blocked } }`, { m: kf });
    const { sent, forSecretary, blocked } = res.data!.sendJoinLinks;
    await settle();
    // Members the rules keep out get no link to the meeting itself; their group-room links still go.
    assert.equal(blocked, blockedIds.length);
    assert.ok(blocked > 0, 'the demo has remote members the rules keep out');
    const withEmail = await owner<{ n: number }>(
      `select count(distinct l.member_id)::int as n from join_link l join member m on m.tenant_id = l.tenant_id and m.id = l.member_id
        where l.meeting_id = $1 and m.email is not null and (l.room_id is not null or not l.member_id = any($2::uuid[]))`,
      [kf, blockedIds],
    );
    assert.equal(sent, withEmail[0]!.n);
    const heldBack = await owner<{ n: number }>(
      `select count(*)::int as n from join_link where meeting_id = $1 and room_id is null and member_id = any($2::uuid[]) and delivered_at is not null`,
      [kf, blockedIds],
    );
    assert.equal(heldBack[0]!.n, 0, 'no link to the meeting reaches a member the rules keep out');
    assert.ok(sent > 20 && forSecretary > 5, `${sent} sent, ${forSecretary} for the secretary`);
    assert.equal(sink.received.length, sent);

    const mail = sink.received[0]!;
    const { event, method } = invitation(mail.raw);
    assert.equal(method, 'REQUEST');
    const meeting = (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { title startsAt endsAt place } }`, { m: kf })).data!.meeting;
    assert.equal(event.summary, meeting.title);
    assert.equal(new Date(event.start!).toISOString(), meeting.startsAt);
    assert.equal(new Date(event.end!).toISOString(), meeting.endsAt);
    assert.equal(event.location, meeting.place);
    const url = urlOf(event);
    assert.ok(url.startsWith(`${t.url}/join/`));
    assert.ok(String(event.description).includes(url));
    clock.set(new Date(Date.parse(firstWindow.opensAt) + 60_000));
    assert.equal(await state(tokenOf(url)), 'open', 'the link in the invitation works inside the window');

    const withoutEmail = await gql(
      t.url,
      secretary,
      `query($m: ID!) { meeting(id: $m) { membersWithoutEmail { email } joinLinks { deliveryChannel deliveredAt roomId member { id email } } } }`,
      { m: kf },
    );
    const m = withoutEmail.data!.meeting;
    assert.equal(m.membersWithoutEmail.length, forSecretary);
    assert.ok(m.membersWithoutEmail.every((x: { email: string | null }) => x.email === null));
    for (const l of m.joinLinks) {
      if (!l.roomId && blockedIds.includes(l.member.id)) assert.deepEqual([l.deliveryChannel, l.deliveredAt], [null, null], 'held back');
      else if (l.member.email) assert.deepEqual([l.deliveryChannel, Boolean(l.deliveredAt)], ['EMAIL', true]);
      else assert.equal(l.deliveryChannel, 'SECRETARY');
    }
    const again = await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent } }`, { m: kf });
    assert.equal(again.data!.sendJoinLinks.sent, 0, 'delivered links are not sent twice');
  });

  it('resends with a new token, retiring the old one; for a member without e-mail it shows the link once to the secretary', async () => {
    type Row = { id: string; member: { id: string; email: string | null } };
    const links: Row[] = (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { joinLinks { id member { id email } } } }`, { m: kf })).data!.meeting
      .joinLinks;
    // A member with a single link, so the old invitation's link is the one resent.
    const emailed = links.find((l) => l.member.email && links.filter((o) => o.member.id === l.member.id).length === 1)!;
    const before = sink.received.filter((r) => r.to.includes(emailed.member.email!)).at(-1)!;
    const oldToken = tokenOf(urlOf(invitation(before.raw).event));
    const res = await gql(t.url, secretary, `mutation($id: ID!) { resendJoinLink(id: $id) { url link { deliveredAt } } }`, { id: emailed.id });
    await settle();
    assert.equal(res.data!.resendJoinLink.url, null);
    const latest = sink.received.filter((r) => r.to.includes(emailed.member.email!)).at(-1)!;
    assert.notEqual(latest, before);
    const { event } = invitation(latest.raw);
    const newToken = tokenOf(urlOf(event));
    assert.equal(await state(newToken), 'open');
    assert.equal(await state(oldToken), 404, 'the old token no longer works');

    const noEmail = links.find((l) => !l.member.email)!;
    const handed = await gql(t.url, secretary, `mutation($id: ID!) { resendJoinLink(id: $id) { url link { deliveryChannel } } }`, { id: noEmail.id });
    assert.equal(handed.data!.resendJoinLink.link.deliveryChannel, 'SECRETARY');
    assert.equal(await state(tokenOf(handed.data!.resendJoinLink.url)), 'open');
  });

  it('schedules delivery the configured time before the rooms first open, with a job a retry cannot duplicate', async () => {
    clock.reset();
    const admin = t.realm.token(A, ['tenant-admin']);
    await gql(t.url, admin, `mutation { updateMunicipalitySettings(input: { linkDeliveryLeadMinutes: 120 }) { linkDeliveryLeadMinutes } }`);
    const sn = id(A, 'meeting:sn-next');
    const res = await gql(t.url, secretary, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CONVENED) { breakoutWindows { opensAt } } }`, { m: sn });
    const opens = Date.parse(res.data!.changeMeetingStatus.breakoutWindows[0].opensAt);
    const queue = t.app.get<Queue>(getQueueToken(DELIVERY_QUEUE));
    const jobs = (await queue.getJobs(['delayed', 'waiting'])).filter((j) => j.data.meetingId === sn);
    assert.equal(jobs.length, 1);
    assert.equal(jobs[0]!.id, `link-delivery__${tenantOf(A)}__${sn}__${opens - 120 * 60_000}`);
    // Due when the lead time says (BullMQ stamps the job a moment after the delay was computed).
    assert.ok(Math.abs(jobs[0]!.timestamp + jobs[0]!.opts.delay! - (opens - 120 * 60_000)) < 1_000);

    const processor = t.app.get(LinkDeliveryProcessor);
    const before = sink.received.length;
    const first = await processor.process(jobs[0] as Job);
    await settle();
    assert.ok(first.sent > 0);
    assert.equal(sink.received.length - before, first.sent);
    const retry = await processor.process(jobs[0] as Job);
    await settle();
    assert.equal(sink.received.length - before, first.sent);
    assert.equal(retry.sent, 0, 'a retried delivery sends nothing twice');
  });

  it("gives each member a personal calendar feed, token-protected, that another municipality's members cannot reach", async () => {
    const member = id(A, 'member:0');
    const res = await gql(t.url, secretary, `mutation($m: ID!) { issueCalendarFeed(memberId: $m) }`, { m: member });
    const url: string = res.data!.issueCalendarFeed;
    assert.match(url, /\/feed\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
    const feed = await fetch(url);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type')!, /text\/calendar/);
    const events = Object.values(ical.sync.parseICS(await feed.text())).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    assert.ok(
      events.some((e) => e.uid === `${kf}.${member}@motesplats`),
      'the convened council meeting is in the feed',
    );

    const rotated = await gql(t.url, secretary, `mutation($m: ID!) { issueCalendarFeed(memberId: $m) }`, { m: member });
    assert.equal((await fetch(url)).status, 404, 'a new feed URL retires the old one');
    assert.equal((await fetch(rotated.data!.issueCalendarFeed)).status, 200);

    const stolen = await gql(t.url, t.realm.token(B, ['secretary']), `mutation($m: ID!) { issueCalendarFeed(memberId: $m) }`, { m: member });
    assert.equal(stolen.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const [{ n }] = await owner<{ n: number }>('select count(*)::int as n from calendar_feed where tenant_id = $1', [tenantOf(B)]);
    assert.equal(n, 0);
  });
  it('holds back the meeting link of a member missing required training, lists them, and sends it once the training is recorded', async () => {
    const meeting = (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { bodyId } }`, { m: kf })).data!.meeting;
    const admin = t.realm.token(A, ['tenant-admin']);
    const created = await gql(t.url, admin, 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
      i: { name: 'Test Otränad', email: 'otranad@stromstad.example', identityLevel: 'E_ID' },
    });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const memberId = created.data!.createMember.id as string;
    const seat = await gql(t.url, admin, 'mutation($i: CreateBodyMembershipInput!) { createBodyMembership(input: $i) { id } }', {
      i: { bodyId: meeting.bodyId, memberId, role: 'MEMBER' },
    });
    assert.equal(seat.errors, undefined, JSON.stringify(seat.errors));
    const attended = await gql(
      t.url,
      secretary,
      'mutation($m: ID!, $p: ID!) { createAttendance(input: { meetingId: $m, memberId: $p, mode: REMOTE }) { id } }',
      { m: kf, p: memberId },
    );
    assert.equal(attended.errors, undefined, JSON.stringify(attended.errors));
    const mailsTo = () => sink.received.filter((m) => m.to.includes('otranad@stromstad.example'));
    const send = async () => {
      const res = await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent forSecretary blocked } }`, { m: kf });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      await settle();
      return res.data!.sendJoinLinks as { sent: number; forSecretary: number; blocked: number };
    };
    const listed = async () =>
      (
        (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { membersBlockedFromRemote { member { id } codes } } }`, { m: kf })).data!.meeting
          .membersBlockedFromRemote as { member: { id: string }; codes: string[] }[]
      ).find((b) => b.member.id === memberId);

    const held = await send();
    assert.equal(held.sent, 0, 'no invitation for a member the rules keep out');
    assert.ok(held.blocked >= 1, 'the delivery says it held a member back');
    assert.equal(mailsTo().length, 0);
    assert.deepEqual((await listed())?.codes, ['TRAINING_MISSING'], 'listed for the secretary, with why');
    const [link] = await owner<{ delivered_at: Date | null }>(
      `select delivered_at from join_link where meeting_id = $1 and member_id = $2 and room_id is null`,
      [kf, memberId],
    );
    assert.equal(link!.delivered_at, null, 'the link waits, undelivered');
    const resent = await gql(t.url, secretary, 'query($m: ID!) { meeting(id: $m) { joinLinks { id memberId roomId } } }', { m: kf });
    const linkId = (resent.data!.meeting.joinLinks as { id: string; memberId: string; roomId: string | null }[]).find(
      (l) => l.memberId === memberId && !l.roomId,
    )!.id;
    const refused = await gql(t.url, secretary, 'mutation($id: ID!) { resendJoinLink(id: $id) { url } }', { id: linkId });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'CONFLICT', 'sending it by hand is refused too');
    await settle();
    assert.equal(mailsTo().length, 0);

    const recorded = await gql(t.url, admin, 'mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { validUntil } }', {
      i: { memberId, moduleKey: 'remote-participation-basics', completedOn: new Date().toISOString().slice(0, 10) },
    });
    assert.equal(recorded.errors, undefined, JSON.stringify(recorded.errors));
    assert.equal(await listed(), undefined, 'no longer listed');
    const sent = await send();
    assert.equal(sent.sent, 1);
    assert.equal(mailsTo().length, 1, 'the invitation goes out once the member may take part remotely');
    const { event } = invitation(mailsTo()[0]!.raw);
    assert.notEqual(await state(tokenOf(urlOf(event))), 404, 'its link is a live one');
  });

  it('revokes a listed link not yet written under the id it was listed with; a cancelled meeting lists no unwritten ones', async () => {
    const ks = id(A, 'meeting:ks-next');
    await gql(t.url, secretary, 'mutation($m: ID!) { changeMeetingStatus(id: $m, status: CONVENED) { id } }', { m: ks });
    const rooms = await gql(t.url, secretary, 'mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { id } }', { m: ks });
    assert.ok(rooms.data!.setUpBreakoutRooms.length > 0, JSON.stringify(rooms.errors));
    const listed = async () =>
      (await gql(t.url, secretary, 'query($m: ID!) { meeting(id: $m) { joinLinks { id revokedAt } } }', { m: ks })).data!.meeting.joinLinks as {
        id: string;
        revokedAt: string | null;
      }[];
    const [link] = await listed();
    assert.ok(link);
    assert.deepEqual(await owner('select id from join_link where id = $1', [link.id]), [], 'listed, not written');
    const revoked = await gql(t.url, secretary, 'mutation($id: ID!) { revokeJoinLink(id: $id) { id revokedAt } }', { id: link.id });
    assert.equal(revoked.data!.revokeJoinLink.id, link.id);
    assert.ok(revoked.data!.revokeJoinLink.revokedAt);
    assert.equal((await owner('select id from join_link where id = $1', [link.id])).length, 1, 'written under the listed id');
    assert.ok((await listed()).find((l) => l.id === link.id)?.revokedAt, 'listed again as revoked');

    await gql(t.url, secretary, 'mutation($m: ID!) { changeMeetingStatus(id: $m, status: CANCELLED) { id } }', { m: ks });
    const after = await listed();
    assert.deepEqual(
      after.map((l) => l.id),
      [link.id],
      'only the written link remains listed',
    );
    assert.ok(after.every((l) => l.revokedAt));
  });
});
