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

  it('e-mails each member one invitation whose iCalendar event carries working links, and lists those without e-mail', async () => {
    const res = await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent forSecretary } }`, { m: kf });
    const { sent, forSecretary } = res.data!.sendJoinLinks;
    await settle();
    const withEmail = await owner<{ n: number }>(
      `select count(distinct l.member_id)::int as n from join_link l join member m on m.tenant_id = l.tenant_id and m.id = l.member_id where l.meeting_id = $1 and m.email is not null`,
      [kf],
    );
    assert.equal(sent, withEmail[0]!.n);
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

    const withoutEmail = await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { membersWithoutEmail { email } joinLinks { deliveryChannel deliveredAt member { email } } } }`, { m: kf });
    const m = withoutEmail.data!.meeting;
    assert.equal(m.membersWithoutEmail.length, forSecretary);
    assert.ok(m.membersWithoutEmail.every((x: { email: string | null }) => x.email === null));
    for (const l of m.joinLinks) {
      if (l.member.email) assert.deepEqual([l.deliveryChannel, Boolean(l.deliveredAt)], ['EMAIL', true]);
      else assert.equal(l.deliveryChannel, 'SECRETARY');
    }
    const again = await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent } }`, { m: kf });
    assert.equal(again.data!.sendJoinLinks.sent, 0, 'delivered links are not sent twice');
  });

  it('resends with a new token, retiring the old one; for a member without e-mail it shows the link once to the secretary', async () => {
    type Row = { id: string; member: { id: string; email: string | null } };
    const links: Row[] = (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { joinLinks { id member { id email } } } }`, { m: kf })).data!.meeting.joinLinks;
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
    assert.ok(events.some((e) => e.uid === `${kf}.${member}@motesplats`), 'the convened council meeting is in the feed');

    const rotated = await gql(t.url, secretary, `mutation($m: ID!) { issueCalendarFeed(memberId: $m) }`, { m: member });
    assert.equal((await fetch(url)).status, 404, 'a new feed URL retires the old one');
    assert.equal((await fetch(rotated.data!.issueCalendarFeed)).status, 200);

    const stolen = await gql(t.url, t.realm.token(B, ['secretary']), `mutation($m: ID!) { issueCalendarFeed(memberId: $m) }`, { m: member });
    assert.equal(stolen.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const [{ n }] = await owner<{ n: number }>('select count(*)::int as n from calendar_feed where tenant_id = $1', [tenantOf(B)]);
    assert.equal(n, 0);
  });
});
