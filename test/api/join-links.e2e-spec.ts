import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from '../support/sql.js';
import type { Redis } from 'ioredis';
import { REDIS } from '@motesplats/api/common/redis.module.js';
import { JitsiAdapter } from '@motesplats/api/video-platforms/jitsi/jitsi.adapter.js';
import { verifyHs256 } from '@motesplats/api/video-platforms/jitsi/jitsi-jwt.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';
import { fixClock } from '../support/fixed-clock.js';
import { enterLink, issueToken } from '../support/join-links.js';

const A = 'munkedal';
const B = 'sotenas';
const id = (slug: string, key: string) => demoId(`${slug}:${key}`);
const plus = (iso: string | Date, seconds: number) => new Date(new Date(iso).getTime() + seconds * 1000);

describe('join links and the member page', () => {
  let t: TestApp;
  let secretary: string;
  let clock: ReturnType<typeof fixClock>;
  let secret: string;
  const kf = id(A, 'meeting:kf-next');
  let windows: { opensAt: string; closesAt: string }[];

  const status = async (token: string) => {
    const res = await fetch(`${t.url}/join/${token}/status`);
    return { code: res.status, body: await res.text(), json: () => undefined as never };
  };
  const statusJson = async (token: string) => {
    const res = await fetch(`${t.url}/join/${token}/status`);
    return { code: res.status, ...(await res.json()) };
  };
  const page = async (token: string) => {
    const res = await fetch(`${t.url}/join/${token}`);
    return { code: res.status, csp: res.headers.get('content-security-policy') ?? '', headers: res.headers, body: await res.text() };
  };

  beforeAll(async () => {
    t = await startTestApp();
    secretary = t.realm.token(A, ['secretary']);
    clock = fixClock(t.app);
    secret = (t.app.get(JitsiAdapter) as unknown as { settings: { appSecret: string } }).settings.appSecret;
    const res = await gql(t.url, secretary, `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt closesAt } } }`, { m: kf });
    windows = res.data!.setUpBreakoutRooms[0].windows;
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  it('refuses a room link one second before its window opens and lets it in one second after; the same at closing', async () => {
    const { token } = await issueToken(t, A, kf, (links) => links.find((l) => l.roomId));
    const [before] = windows;
    clock.set(plus(before!.opensAt, -1));
    const early = await statusJson(token);
    assert.equal(early.state, 'not_yet_open');
    assert.equal(early.opensAt, before!.opensAt);
    assert.equal(early.embed, null);

    clock.set(plus(before!.opensAt, 1));
    assert.equal((await statusJson(token)).embed, null, 'looking hands out no way in');
    const open = await enterLink(t.url, token);
    assert.equal(open.state, 'open');
    const claims = verifyHs256(open.embed.jwt, secret)!;
    assert.equal(claims.nbf, Date.parse(before!.opensAt) / 1000);
    assert.equal(claims.exp, Date.parse(before!.closesAt) / 1000);
    assert.equal(claims.room, open.embed.roomName);
    assert.equal((claims.context as { user: { name: string } }).user.name, open.memberName);

    clock.set(plus(before!.closesAt, -1));
    assert.equal((await statusJson(token)).state, 'open');
    clock.set(plus(before!.closesAt, 1));
    const closed = await statusJson(token);
    assert.equal(closed.state, 'closed');
    assert.equal(closed.embed, null);
    assert.equal(closed.opensAt, windows[1]!.opensAt, 'says when it opens again');
  });

  it('serves a light, accessible page in Swedish and English that embeds the room with the Jitsi IFrame API', async () => {
    const { token } = await issueToken(t, A, kf, (links) => links.filter((l) => l.roomId)[1]);
    clock.set(plus(windows[0]!.opensAt, 60));
    const res = await page(token);
    assert.equal(res.code, 200);
    assert.match(res.body, /<html lang="sv">/);
    assert.match(res.body, /<h1 id="title">Grupprum – /);
    assert.match(res.body, /role="status" aria-live="polite"/);
    assert.match(res.body, /lang="en"/);
    assert.match(res.body, /name="viewport" content="width=device-width/);
    assert.match(res.body, /JitsiMeetExternalAPI/);
    assert.match(res.body, /"embed":null/, 'the page itself carries no way in: its script enters with a POST');
    // It links the admin's public accessibility statement, but loads nothing of the admin.
    assert.doesNotMatch(res.body, /<script[^>]*\/admin\/|\/admin\/assets\//, 'not the admin bundle');
    assert.match(res.body, /href="\/admin\/#\/tillganglighet"/, 'links the accessibility statement');
    assert.ok(Buffer.byteLength(res.body) < 16_000, `light: ${Buffer.byteLength(res.body)} bytes`);
    assert.match(res.csp, /frame-src https:\/\/meet\.jit\.si/);
    assert.match(res.csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const nonce = /script-src 'nonce-([^']+)'/.exec(res.csp)![1];
    assert.ok(res.body.includes(`<script nonce="${nonce}">`), 'the inline script carries the nonce the CSP allows');
  });

  it("lets only the municipality's own sites embed the page, and refuses origins that are not plain https origins", async () => {
    const admin = t.realm.token(A, ['tenant-admin']);
    const bad = await gql(t.url, admin, `mutation { updateMunicipalitySettings(input: { embedOrigins: ["https://www.munkedal.se/path"] }) { embedOrigins } }`);
    assert.equal(errorCode(bad), 'BAD_USER_INPUT');
    const injected = await gql(
      t.url,
      admin,
      `mutation { updateMunicipalitySettings(input: { embedOrigins: ["https://a.se; script-src *"] }) { embedOrigins } }`,
    );
    assert.equal(errorCode(injected), 'BAD_USER_INPUT');
    const ok = await gql(
      t.url,
      admin,
      `mutation { updateMunicipalitySettings(input: { embedOrigins: ["https://www.munkedal.se/", "https://intranat.munkedal.se"] }) { embedOrigins } }`,
    );
    assert.deepEqual(ok.data!.updateMunicipalitySettings.embedOrigins, ['https://www.munkedal.se', 'https://intranat.munkedal.se']);

    const { token } = await issueToken(t, A, kf, (links) => links.filter((l) => l.roomId)[2]);
    clock.set(plus(windows[0]!.opensAt, 60));
    const res = await page(token);
    assert.match(res.csp, /frame-ancestors https:\/\/www\.munkedal\.se https:\/\/intranat\.munkedal\.se$/);
    // Another municipality's settings do not apply, and an invalid token is embeddable nowhere.
    const other = await gql(t.url, t.realm.token(B, ['tenant-admin']), '{ municipalitySettings { embedOrigins } }');
    assert.deepEqual(other.data!.municipalitySettings.embedOrigins, []);
    assert.match((await page(randomBytes(32).toString('base64url'))).csp, /frame-ancestors 'none'/);
  });

  it("records a remote member's attendance when the meeting link is used, once", async () => {
    const remote = await sql<{ member_id: string }>(t.ownerUrl, `select member_id from attendance where meeting_id = $1 and mode = 'remote' limit 1`, [kf]);
    const memberId = remote[0]!.member_id;
    const { token, link } = await issueToken(t, A, kf, (links) => links.find((l) => !l.roomId && l.memberId === memberId));
    const meeting = (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { startsAt endsAt } }`, { m: kf })).data!.meeting;
    const opens = plus(meeting.startsAt, -30 * 60);
    clock.set(plus(opens, -1));
    assert.equal((await statusJson(token)).state, 'not_yet_open');
    clock.set(plus(opens, 1));
    const first = await enterLink(t.url, token);
    assert.equal(first.code, 200);
    assert.equal(first.state, 'open');
    clock.set(plus(opens, 120));
    await enterLink(t.url, token);
    const [att] = await sql<{ mode: string; joined_at: Date }>(t.ownerUrl, 'select mode, joined_at from attendance where meeting_id = $1 and member_id = $2', [
      kf,
      memberId,
    ]);
    assert.equal(att!.mode, 'remote');
    assert.equal(att!.joined_at.toISOString(), plus(opens, 1).toISOString(), 'joined at the first use, not the second');
    const [used] = await sql<{ use_count: number; first_used_at: Date }>(t.ownerUrl, 'select use_count, first_used_at from join_link where id = $1', [link.id]);
    assert.equal(used!.use_count, 2);
    const closes = plus(meeting.endsAt, 30 * 60);
    clock.set(plus(closes, -1));
    assert.equal((await statusJson(token)).state, 'open');
    clock.set(plus(closes, 1));
    assert.equal((await statusJson(token)).state, 'closed');
  });

  it('is correct across the daylight-saving change: a meeting on the night of 2026-10-25 in Europe/Stockholm', async () => {
    // 01:30 CEST → 02:30 CET: two real hours although the clocks say one.
    const made = await gql(t.url, secretary, `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
      i: {
        bodyId: id(A, 'body:kf'),
        title: 'Extra fullmäktige (natt)',
        startsAt: '2026-10-24T23:30:00Z',
        endsAt: '2026-10-25T01:30:00Z',
        place: 'Kommunhuset',
      },
    });
    const night = made.data!.createMeeting.id;
    const convened = await gql(
      t.url,
      secretary,
      `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CONVENED) { breakoutWindows { opensAt closesAt } } }`,
      { m: night },
    );
    const w = convened.data!.changeMeetingStatus.breakoutWindows;
    assert.deepEqual(w, [
      { opensAt: '2026-10-24T23:00:00.000Z', closesAt: '2026-10-24T23:30:00.000Z' },
      { opensAt: '2026-10-25T01:30:00.000Z', closesAt: '2026-10-25T01:45:00.000Z' },
    ]);
    const { token } = await issueToken(t, A, night, (links) => links.find((l) => l.roomId));
    clock.set('2026-10-25T01:29:59Z'); // 02:29:59 CET, the second 02:xx hour
    assert.equal((await statusJson(token)).state, 'closed');
    clock.set('2026-10-25T01:30:01Z');
    const open = await enterLink(t.url, token);
    assert.equal(open.state, 'open');
    assert.equal(verifyHs256(open.embed.jwt, secret)!.exp, Date.parse('2026-10-25T01:45:00Z') / 1000);
    clock.set('2026-10-25T01:44:59Z');
    assert.equal((await statusJson(token)).state, 'open');
    clock.set('2026-10-25T01:45:01Z');
    assert.equal((await statusJson(token)).state, 'closed');
  });

  it('answers unknown, tampered, revoked and expired tokens identically, revealing nothing', async () => {
    const { token, link } = await issueToken(t, A, kf, (links) => links.filter((l) => l.roomId)[3]);
    clock.set(plus(windows[0]!.opensAt, 60));
    assert.equal((await page(token)).code, 200);
    const tampered = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    const unknown = randomBytes(32).toString('base64url');
    const answers = [await page(unknown), await page(tampered), await page('not-even-a-token')];
    const statuses = [await status(unknown), await status(tampered)];

    const revoked = await gql(t.url, secretary, `mutation($id: ID!) { revokeJoinLink(id: $id) { revokedAt } }`, { id: link.id });
    assert.ok(revoked.data!.revokeJoinLink.revokedAt);
    answers.push(await page(token));
    statuses.push(await status(token));

    const { token: other } = await issueToken(t, A, kf, (links) => links.filter((l) => l.roomId)[4]);
    clock.set(plus(windows[windows.length - 1]!.closesAt, 2 * 86_400));
    answers.push(await page(other));
    statuses.push(await status(other));

    for (const a of answers) {
      assert.equal(a.code, 404);
      assert.equal(a.body, answers[0]!.body);
      assert.equal(a.csp, answers[0]!.csp);
    }
    for (const s of statuses) assert.deepEqual([s.code, s.body], [404, '{"state":"invalid"}']);
    assert.doesNotMatch(answers[0]!.body, /Grupprum|Munkedal|fullmäktige/i);
  });

  it("keeps tokens tenant-bound: the lookup function says only whose a hash is, and a link cannot point at another municipality's room", async () => {
    const [fn] = await sql<{ owner: string; secdef: boolean }>(
      t.ownerUrl,
      `select pg_get_userbyid(proowner) as owner, prosecdef as secdef from pg_proc where proname = 'token_tenant'`,
    );
    assert.deepEqual(fn, { owner: 'motesplats_token_lookup', secdef: true });
    const { token } = await issueToken(t, A, kf, (links) => links.filter((l) => l.roomId)[5]);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest();
    const [asApi] = await sql<{ tenant: string }>(t.appDatabaseUrl, 'select token_tenant($1) as tenant', [hash]);
    assert.equal(asApi!.tenant, tenantOf(A));
    const [none] = await sql<{ n: number }>(t.appDatabaseUrl, 'select count(*)::int as n from join_link');
    assert.equal(none!.n, 0, 'without a tenant the API role sees no links');
    await gql(t.url, t.realm.token(B, ['secretary']), `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { id } }`, { m: id(B, 'meeting:kf-next') });
    const roomOfB = await sql<{ id: string }>(t.ownerUrl, `select id from breakout_room where tenant_id = $1 limit 1`, [tenantOf(B)]);
    assert.equal(roomOfB.length, 1);
    await assert.rejects(
      sql(t.ownerUrl, `insert into join_link (tenant_id, id, meeting_id, room_id, member_id) values ($1, gen_random_uuid(), $2, $3, $4)`, [
        tenantOf(A),
        kf,
        roomOfB[0]!.id,
        id(A, 'member:0'),
      ]),
      /foreign key/,
    );
    const seenByB = await gql(t.url, t.realm.token(B, ['tenant-admin']), `query($m: ID!) { meeting(id: $m) { joinLinks { id } } }`, { m: kf });
    assert.equal(seenByB.data!.meeting, null);
  });

  it('revokes every link when the meeting is cancelled', async () => {
    const bun = id(A, 'meeting:bun-next');
    await gql(t.url, secretary, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CONVENED) { id } }`, { m: bun });
    const { token } = await issueToken(t, A, bun, (links) => links.find((l) => l.roomId));
    const w = (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { breakoutWindows { opensAt } } }`, { m: bun })).data!.meeting.breakoutWindows;
    clock.set(plus(w[0].opensAt, 10));
    assert.equal((await statusJson(token)).state, 'open');
    await gql(t.url, secretary, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CANCELLED) { id } }`, { m: bun });
    assert.equal((await statusJson(token)).code, 404);
    const links = await sql<{ n: number }>(t.ownerUrl, 'select count(*)::int as n from join_link where meeting_id = $1 and revoked_at is null', [bun]);
    assert.equal(links[0]!.n, 0);
  });

  // Last: the limits hold for the rest of the minute for this address.
  it('rate-limits a burst of guesses per address, and guesses around one token prefix from anywhere', async () => {
    const limits = t.config.joinRateLimits;
    limits.failuresPerIpPerMinute = 1_000;
    const prefix = 'Zq';
    const around = await Promise.all(
      Array.from({ length: limits.perTokenPrefixPerMinute + 10 }, () => status(prefix + randomBytes(32).toString('base64url').slice(2))),
    );
    assert.equal(around.filter((r) => r.code === 429).length, 10);

    // A fresh minute for this address, as if the guesses above had come from elsewhere.
    const redis = t.app.get<Redis>(REDIS);
    const counted = await redis.keys(`${t.config.queuePrefix}:join-rate:fail:*`);
    if (counted.length) await redis.del(...counted);
    limits.failuresPerIpPerMinute = 20;
    const burst: number[] = [];
    for (let i = 0; i < 30; i++) burst.push((await status(randomBytes(32).toString('base64url'))).code);
    assert.deepEqual(burst.slice(0, 20), Array(20).fill(404));
    assert.ok(
      burst.slice(-10).every((c) => c === 429),
      burst.join(','),
    );
    const { token } = await issueToken(t, A, kf, (links) => links.filter((l) => l.roomId)[6]);
    const blocked = await fetch(`${t.url}/join/${token}`);
    assert.equal(blocked.status, 429, 'the address stays limited, valid token or not');
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  });
});
