import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import type pg from 'pg';
import { invitationCalendar, memberFeed } from '@motesplats/api/join-links/invitation-calendar.js';
import { LinkDeliveryService } from '@motesplats/api/join-links/link-delivery.service.js';
import { MAILER, type Mailer } from '@motesplats/api/notifications/mailer.js';
import { OutboxService } from '@motesplats/api/outbox/outbox.service.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { localTime } from '@motesplats/rules';
import { requestContext } from '@motesplats/api/common/request-context.js';
import { fixClock } from '../support/fixed-clock.js';
import { FOREIGN_ZONES, parseIn } from '../support/ics-child.js';
import { mimePart } from '../support/mime.js';
import { startSmtpSink, type ReceivedMail } from '../support/smtp-sink.js';
import { sql } from '../support/sql.js';
import { gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const A = 'stromstad';
const HOUR = 3_600_000;

/** Meetings either side of the clock changes of 2026-10-25 and 2027-03-28, at 18.00 Stockholm time. */
const AROUND_CLOCK_CHANGES = [localTime(2026, 10, 24, 18), localTime(2026, 10, 26, 18), localTime(2027, 3, 27, 18), localTime(2027, 3, 29, 18)];

interface Calendar {
  method: string | null;
  uid: string;
  sequence: number;
  status: string;
  start: string;
  end: string;
  description: string;
  url: string | null;
}

/** ical.js, in this process: the calendar part of a mail. */
function calendarOf(mail: ReceivedMail): Calendar {
  const ics = mimePart(mail.raw, 'text/calendar');
  assert.ok(ics, 'the mail carries a text/calendar part');
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const vevent = root.getFirstSubcomponent('vevent')!;
  const e = new ICAL.Event(vevent);
  return {
    method: root.getFirstPropertyValue('method') as string | null,
    uid: e.uid,
    sequence: e.sequence,
    status: String(vevent.getFirstPropertyValue('status')),
    start: e.startDate.toJSDate().toISOString(),
    end: e.endDate.toJSDate().toISOString(),
    description: e.description,
    url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
  };
}

describe('calendar invitations: Stockholm time everywhere, and they follow the meeting', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let secretary: string;
  let body: string;
  let members: { id: string; email: string }[];
  const tenant = tenantOf(A);
  const owner = <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => sql<T>(t.ownerUrl, text, params);
  const settle = () => t.app.get(OutboxService).settle();
  const mailsFor = (meetingId: string) => sink.received.filter((m) => (mimePart(m.raw, 'text/calendar') ?? '').includes(meetingId));

  /** A convened meeting with the given members taking part remotely, written as the secretary would have. */
  const convened = async (startsAt: Date, title: string, who = members) => {
    const meetingId = randomUUID();
    await owner(
      `insert into meeting (tenant_id, id, body_id, title, starts_at, ends_at, place, status) values ($1, $2, $3, $4, $5, $6, 'Stadshuset, sessionssalen', 'convened')`,
      [tenant, meetingId, body, title, startsAt, new Date(startsAt.getTime() + 2 * HOUR)],
    );
    await owner(`insert into attendance (tenant_id, id, meeting_id, member_id, mode) select $1, gen_random_uuid(), $2, m, 'remote' from unnest($3::uuid[]) m`, [
      tenant,
      meetingId,
      who.map((m) => m.id),
    ]);
    return meetingId;
  };
  const send = async (meetingId: string) => {
    const res = await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent } }`, { m: meetingId });
    assert.ok(!res.errors, JSON.stringify(res.errors));
    await settle();
    return res.data!.sendJoinLinks.sent as number;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    secretary = t.realm.token(A, ['secretary']);
    [{ body_id: body }] = await owner<{ body_id: string }>(`select body_id from meeting where id = $1`, [demoId(`${A}:meeting:kf-next`)]);
    members = await owner<{ id: string; email: string }>(
      `select m.id, m.email from body_membership bm join member m on m.tenant_id = bm.tenant_id and m.id = bm.member_id
        where bm.body_id = $1 and m.email is not null order by m.id limit 3`,
      [body],
    );
    assert.equal(members.length, 3);
  });
  afterAll(async () => {
    fixClock(t.app).reset();
    await t.close();
    await sink.close();
  });

  it('writes every time with TZID=Europe/Stockholm and a VTIMEZONE; two parsers in UTC and New York read the meeting instants', () => {
    for (const startsAt of AROUND_CLOCK_CHANGES) {
      const meeting = {
        id: randomUUID(),
        title: 'KF',
        place: 'Stadshuset',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        cancelled: false,
        sequence: 1,
      };
      const invitation = invitationCalendar(
        meeting,
        { id: 'm', name: 'M', email: 'm@example.se' },
        [{ roomName: null, url: 'https://x/join/t' }],
        { name: 'O', email: 'o@example.se' },
        new Date(),
      );
      const feed = memberFeed('m', [meeting], new Date());
      for (const ics of [invitation, feed]) {
        assert.match(ics, /BEGIN:VTIMEZONE\r?\nTZID:Europe\/Stockholm/);
        assert.match(ics, /DTSTART;TZID=Europe\/Stockholm:\d{8}T180000/);
        assert.match(ics, /DTSTAMP:\d{8}T\d{6}Z/);
        for (const tz of FOREIGN_ZONES) {
          const parsed = parseIn(tz, ics);
          for (const events of [parsed.icaljs, parsed.nodeical]) {
            assert.equal(events[0]!.start, startsAt.toISOString(), `${tz}: ${startsAt.toISOString()}`);
            assert.equal(events[0]!.end, meeting.endsAt.toISOString());
          }
        }
      }
    }
  });

  it('mails invitations and serves feeds whose instants equal the meetings, either side of the clock changes, and says when, where and who in words', async () => {
    // Standing before the first of them, so the feed (the last 30 days onwards) lists all four.
    const clock = fixClock(t.app);
    clock.set(localTime(2026, 9, 1, 12));
    const ids: string[] = [];
    for (const [i, startsAt] of AROUND_CLOCK_CHANGES.entries()) {
      const meetingId = await convened(startsAt, `Kommunfullmäktige ${i}`, members.slice(0, 1));
      ids.push(meetingId);
      assert.equal(await send(meetingId), 1);
      const [mail] = mailsFor(meetingId);
      const ics = mimePart(mail!.raw, 'text/calendar')!;
      for (const tz of FOREIGN_ZONES) {
        const parsed = parseIn(tz, ics);
        assert.equal(parsed.method, 'REQUEST');
        assert.equal(parsed.icaljs[0]!.start, startsAt.toISOString(), `ical.js in ${tz}`);
        assert.equal(parsed.nodeical[0]!.start, startsAt.toISOString(), `node-ical in ${tz}`);
      }
      const text = mimePart(mail!.raw, 'text/plain')!;
      assert.match(text, /Strömstad/);
      assert.match(text, /kl\. 18\.00–20\.00/);
      assert.match(text, /Stadshuset, sessionssalen/);
      assert.match(text, /, 18:00–20:00 \(Swedish time\)/);
    }
    assert.match(mimePart(mailsFor(ids[0]!)[0]!.raw, 'text/plain')!, /lördag 24 oktober 2026 kl\. 18\.00/);
    assert.match(mimePart(mailsFor(ids[0]!)[0]!.raw, 'text/plain')!, /Saturday 24 October 2026, 18:00/);

    const feedUrl = (await gql(t.url, secretary, `mutation($m: ID!) { issueCalendarFeed(memberId: $m) }`, { m: members[0]!.id })).data!
      .issueCalendarFeed as string;
    const feed = await (await fetch(feedUrl)).text();
    for (const tz of FOREIGN_ZONES) {
      const parsed = parseIn(tz, feed);
      for (const [i, meetingId] of ids.entries()) {
        for (const events of [parsed.icaljs, parsed.nodeical]) {
          const event = events.find((e) => e.uid.startsWith(meetingId));
          assert.equal(event?.start, AROUND_CLOCK_CHANGES[i]!.toISOString(), `feed in ${tz}`);
        }
      }
    }
    clock.reset();
  });

  it('a cancellation wins every race with deliveries: nothing is sent after it commits, no link is left working, each invitee gets one cancellation', async () => {
    const delivery = t.app.get(LinkDeliveryService);
    const outbox = t.app.get(OutboxService);
    const rounds = 50;
    let raced = 0;
    // The invitations out at the moment the cancellation commits: counted where its after-commit
    // work starts (the only request in these rounds with a signed-in actor is the cancellation).
    const requests = (meetingId: string) => mailsFor(meetingId).filter((m) => /METHOD:REQUEST/.test(mimePart(m.raw, 'text/calendar')!)).length;
    let current = '';
    let sentAtCommit: number | undefined;
    const kick = outbox.kick.bind(outbox);
    outbox.kick = async (tenantId, budget) => {
      if (requestContext.getStore()?.actor && sentAtCommit === undefined) sentAtCommit = requests(current);
      return kick(tenantId, budget);
    };
    try {
      for (let round = 0; round < rounds; round++) {
        const meetingId = await convened(new Date(Date.now() + HOUR), `Racet ${round}`);
        const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
        current = meetingId;
        sentAtCommit = undefined;
        // From "at once" to "after the first invitations are out", so both orders happen.
        const cancel = pause((round % 10) * 30).then(async () => {
          const res = await gql(t.url, secretary, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CANCELLED) { status } }`, { m: meetingId });
          assert.equal(res.data?.changeMeetingStatus.status, 'CANCELLED', JSON.stringify(res.errors));
        });
        await Promise.all([
          ...[0, 1, 2].map(() => delivery.deliverMeeting(tenant, meetingId)),
          ...[3, 6].map((ms) => pause(ms).then(() => outbox.dispatch(tenant))),
          cancel,
        ]);
        await settle();

        const calendars = mailsFor(meetingId).map(calendarOf);
        const invitations = calendars.filter((c) => c.method === 'REQUEST');
        const cancellations = calendars.filter((c) => c.method === 'CANCEL');
        assert.equal(invitations.length, sentAtCommit, `round ${round}: no invitation after the cancellation committed`);
        if (invitations.length) raced++;
        assert.equal(new Set(invitations.map((c) => c.uid)).size, invitations.length, 'one invitation per member');
        assert.deepEqual(
          cancellations.map((c) => c.uid).sort(),
          invitations.map((c) => c.uid).sort(),
          `round ${round}: exactly one cancellation per invited member`,
        );
        for (const c of cancellations) {
          const invited = invitations.find((i) => i.uid === c.uid)!;
          assert.ok(c.sequence > invited.sequence, 'a higher SEQUENCE');
          assert.equal(c.status, 'CANCELLED');
          assert.match(c.description, /Mötet är inställt: Racet/);
          assert.match(c.description, /this meeting is cancelled/);
        }
        const [{ working }] = await owner<{ working: number }>(`select count(*)::int as working from join_link where meeting_id = $1 and revoked_at is null`, [
          meetingId,
        ]);
        assert.equal(working, 0, `round ${round}: no link left unrevoked`);
      }
    } finally {
      outbox.kick = kick;
    }
    // Some rounds must have had invitations out before the cancellation, or nothing was raced.
    assert.ok(raced > 0 && raced < rounds, `${raced} of ${rounds} rounds sent invitations before cancelling: both orders happened`);
  });

  it('a moved meeting sends an update with the new instants (same UID, higher SEQUENCE, same working links); the feed shows it and cancellations at once', async () => {
    const startsAt = localTime(2027, 3, 26, 18);
    const meetingId = await convened(startsAt, 'Flyttas');
    assert.equal(await send(meetingId), 3);
    const first = mailsFor(meetingId).map(calendarOf);
    // Across the change to summer time.
    const moved = localTime(2027, 3, 29, 9);
    const res = await gql(
      t.url,
      secretary,
      `mutation($m: ID!, $s: DateTime!, $e: DateTime!) { updateMeeting(id: $m, input: { startsAt: $s, endsAt: $e, place: "Kommunhuset" }) { startsAt } }`,
      {
        m: meetingId,
        s: moved.toISOString(),
        e: new Date(moved.getTime() + 2 * HOUR).toISOString(),
      },
    );
    assert.ok(!res.errors, JSON.stringify(res.errors));
    await settle();
    const updates = mailsFor(meetingId).slice(first.length);
    assert.equal(updates.length, 3, 'one update per invited member');
    for (const mail of updates) {
      const update = calendarOf(mail);
      const before = first.find((f) => f.uid === update.uid)!;
      assert.equal(update.method, 'REQUEST');
      assert.ok(update.sequence > before.sequence, `SEQUENCE ${update.sequence} after ${before.sequence}`);
      assert.equal(update.url, before.url, 'the link (its token) stays the same');
      const parsed = parseIn('America/New_York', mimePart(mail.raw, 'text/calendar')!);
      assert.equal(parsed.icaljs[0]!.start, moved.toISOString());
      assert.equal(parsed.nodeical[0]!.start, moved.toISOString());
      assert.match(
        mimePart(mail.raw, 'text/plain')!,
        /Ändrad tid eller plats\. Flyttas i Strömstad\r?\nNär: måndag 29 mars 2027 kl\. 09\.00–11\.00\r?\nVar: Kommunhuset/,
      );
    }
    const [link] = await owner<{ revoked_at: Date | null; token_hash: Buffer }>(`select revoked_at, token_hash from join_link where meeting_id = $1 limit 1`, [
      meetingId,
    ]);
    assert.equal(link!.revoked_at, null);

    const cancelled = await convened(localTime(2027, 4, 2, 18), 'Ställs in');
    await gql(t.url, secretary, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CANCELLED) { status } }`, { m: cancelled });
    const feedUrl = (await gql(t.url, secretary, `mutation($m: ID!) { issueCalendarFeed(memberId: $m) }`, { m: members[1]!.id })).data!
      .issueCalendarFeed as string;
    const feed = parseIn('UTC', await (await fetch(feedUrl)).text());
    const movedInFeed = feed.icaljs.find((e) => e.uid.startsWith(meetingId))!;
    assert.equal(movedInFeed.start, moved.toISOString());
    assert.ok(movedInFeed.sequence > 0);
    assert.equal(feed.icaljs.find((e) => e.uid.startsWith(cancelled))?.status, 'CANCELLED');
    assert.equal(feed.nodeical.find((e) => e.uid.startsWith(cancelled))?.status, 'CANCELLED');
  });

  it('a mail whose "done" was lost is sent again as the same message with the same token, never a new one', async () => {
    const mailer = t.app.get<Mailer>(MAILER);
    const send0 = mailer.send.bind(mailer);
    let lose = 1;
    mailer.send = async (mail) => {
      const info = await send0(mail);
      if (lose-- > 0) throw new Error('connection lost after the message was accepted');
      return info;
    };
    try {
      const meetingId = await convened(new Date(Date.now() + 2 * HOUR), 'Omförsök', members.slice(0, 1));
      await gql(t.url, secretary, `mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent } }`, { m: meetingId });
      await settle();
      const [row] = await owner<{ status: string; attempts: number }>(`select status, attempts from outbox where subject_id = $1`, [meetingId]);
      assert.deepEqual(row, { status: 'pending', attempts: 1 }, 'the failed attempt waits for its backoff');
      const [failedLink] = await owner<{ delivery_error: string | null }>(`select delivery_error from join_link where meeting_id = $1`, [meetingId]);
      assert.match(failedLink!.delivery_error!, /connection lost/, 'staff see why the last attempt failed');
      const clock = fixClock(t.app);
      clock.set(new Date(Date.now() + HOUR));
      await settle().finally(() => clock.reset());
      const mails = mailsFor(meetingId);
      assert.equal(mails.length, 2);
      const [a, b] = mails.map(calendarOf);
      assert.equal(a!.url, b!.url, 'the same token');
      const messageId = (m: ReceivedMail) => /^message-id:\s*(.+)$/im.exec(m.raw)![1]!.trim();
      assert.equal(messageId(mails[0]!), messageId(mails[1]!), 'the same Message-ID');
      const token = /\/join\/([A-Za-z0-9_-]{43})$/.exec(a!.url!)![1]!;
      const [{ n }] = await owner<{ n: number }>(`select count(*)::int as n from join_link where meeting_id = $1 and token_hash = sha256($2::bytea)`, [
        meetingId,
        Buffer.from(token),
      ]);
      assert.equal(n, 1, 'the mailed token is the one the link accepts');
      const [delivered] = await owner<{ delivery_error: string | null }>(`select delivery_error from join_link where meeting_id = $1`, [meetingId]);
      assert.equal(delivered!.delivery_error, null, 'and the error is cleared once it went out');
    } finally {
      mailer.send = send0;
    }
  });
});
