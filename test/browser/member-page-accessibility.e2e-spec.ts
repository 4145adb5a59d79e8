import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { launchChromium } from '../support/chromium.js';
import { axeViolations, type AxeViolation } from '../support/accessibility.js';
import { fixClock } from '../support/fixed-clock.js';
import { issueToken } from '../support/join-links.js';
import { sql } from '../support/sql.js';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';

const RESULTS = join(REPO_ROOT, 'test-results');
const SHOTS = join(RESULTS, 'axe');
const A = 'munkedal';
const plus = (iso: string | Date, seconds: number) => new Date(new Date(iso).getTime() + seconds * 1000);

/**
 * A stand-in for the platform's IFrame API script (the test machine has no internet): an
 * iframe named the way Jitsi names its own, so the page around it is what axe judges.
 */
const PLATFORM_STAND_IN = `window.JitsiMeetExternalAPI = function (domain, o) {
  var f = document.createElement('iframe'); f.title = 'Videorum'; f.src = 'about:blank'; f.style.width = '100%'; f.style.height = '100%';
  o.parentNode.appendChild(f); this.dispose = function () { f.remove(); };
};`;

/**
 * axe-core (WCAG 2.1 A and AA) on every state of the member's page, in Swedish, at iPad size:
 * waiting, open, the video room failing to load, closed between windows, kept out by the rules,
 * and the one page every link that opens nothing gets (revoked, expired, cancelled, unknown).
 */
describe("accessibility of the member's page, every state, in Debian Chromium", () => {
  let t: TestApp;
  let browser: Browser;
  let clock: ReturnType<typeof fixClock>;
  let secretary: string;
  const kf = demoId(`${A}:meeting:kf-next`);
  let startsAt: string;
  let meetingToken: string;
  let blockedToken: string;
  let roomToken: string;
  let roomWindow: { opensAt: string; closesAt: string };
  const visited: { state: string; url: string; violations: AxeViolation[]; screenshot: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    clock = fixClock(t.app);
    secretary = t.realm.token(A, ['secretary']);
    startsAt = (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { startsAt } }`, { m: kf })).data!.meeting.startsAt;
    const rooms = await gql(t.url, secretary, 'mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt closesAt } } }', { m: kf });
    roomWindow = rooms.data!.setUpBreakoutRooms[0].windows[0];
    const blocked = await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { membersBlockedFromRemote { member { id } } } }`, { m: kf });
    const out = new Set((blocked.data!.meeting.membersBlockedFromRemote as { member: { id: string } }[]).map((b) => b.member.id));
    assert.ok(out.size > 0, 'the demo keeps some remote members out');
    const remote = await sql<{ member_id: string }>(
      t.ownerUrl,
      `select member_id from attendance where meeting_id = $1 and mode = 'remote' order by member_id`,
      [kf],
    );
    const eligible = remote.map((r) => r.member_id).find((m) => !out.has(m))!;
    const keptOut = remote.map((r) => r.member_id).find((m) => out.has(m))!;
    ({ token: meetingToken } = await issueToken(t, A, kf, (links) => links.find((l) => !l.roomId && l.memberId === eligible)));
    ({ token: blockedToken } = await issueToken(t, A, kf, (links) => links.find((l) => !l.roomId && l.memberId === keptOut)));
    ({ token: roomToken } = await issueToken(t, A, kf, (links) => links.find((l) => l.roomId)));
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    writeFileSync(
      join(RESULTS, 'axe-member-page-visited.json'),
      JSON.stringify(
        visited.map((v) => ({ ...v, violations: v.violations.map((x) => x.id) })),
        null,
        2,
      ),
    );
    clock?.reset();
    await browser?.close();
    await t?.close();
  });

  /** Opens the page, lets it reach `ready`, and runs axe on it. */
  const visit = async (state: string, token: string, ready: (page: Page) => Promise<unknown>, platform: 'loads' | 'fails' = 'loads') => {
    const page = await browser.newPage({ viewport: { width: 820, height: 1180 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/external_api.js', (route) =>
      platform === 'loads' ? route.fulfill({ contentType: 'text/javascript', body: PLATFORM_STAND_IN }) : route.abort('connectionrefused'),
    );
    await page.goto(`${t.url}/join/${token}`);
    await ready(page);
    const screenshot = `member-page-${state}.png`;
    await page.screenshot({ path: join(SHOTS, screenshot), fullPage: true });
    const violations = await axeViolations(page);
    visited.push({ state, url: page.url().replace(t.url, '').replace(token, '<token>'), violations, screenshot: `test-results/axe/${screenshot}` });
    assert.deepEqual(errors, [], `${state}: no script errors`);
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.html).join(' | ')}`),
      [],
      `${state}: no WCAG 2.1 A/AA violation`,
    );
    // Every state points to the accessibility statement.
    assert.equal(await page.getByRole('link', { name: /Tillgänglighetsredogörelse/ }).count(), 1, `${state}: links the statement`);
    return page;
  };

  it('waiting for the room: names the municipality and when the meeting starts', async () => {
    clock.set(plus(roomWindow.opensAt, -3600));
    const page = await visit('waiting', meetingToken, (p) => p.getByText('har inte öppnat än').waitFor({ timeout: 15000 }));
    const header = await page.locator('header').innerText();
    assert.match(header, /Kommun: Munkedal/);
    const start = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(startsAt));
    assert.ok(header.includes(`Sammanträdet börjar ${start}`), `${header} names the start ${start}`);
    await page.close();
  });

  it('open, with the video room in the page', async () => {
    clock.set(plus(startsAt, -60));
    const page = await visit('open', meetingToken, (p) => p.locator('#video iframe').waitFor({ timeout: 15000 }));
    assert.equal(await page.locator('#failed').isVisible(), false);
    await page.close();
  });

  it('open, but the video room cannot load: says so and offers the direct link', async () => {
    clock.set(plus(startsAt, -50));
    const page = await visit('room-failed', meetingToken, (p) => p.locator('#failed').waitFor({ state: 'visible', timeout: 15000 }), 'fails');
    assert.match(await page.getByRole('alert').innerText(), /Videorummet kunde inte laddas/);
    const direct = page.getByRole('link', { name: /Öppna rummet i ett eget fönster/ });
    assert.match((await direct.getAttribute('href')) ?? '', /^https:\/\//);
    await page.close();
  });

  it('kept out by the rules: says why and whom to contact', async () => {
    clock.set(plus(startsAt, -40));
    const page = await visit('blocked', blockedToken, (p) => p.locator('#blocked').waitFor({ state: 'visible', timeout: 15000 }));
    await page.close();
  });

  it("a party group's room, closed between windows", async () => {
    clock.set(plus(roomWindow.closesAt, 60));
    const page = await visit('room-closed', roomToken, (p) => p.getByText('Rummet är stängt just nu').waitFor({ timeout: 15000 }));
    await page.close();
  });

  it('a practice session (övningssammanträde): waiting, then open', async () => {
    const admin = t.realm.token(A, ['tenant-admin']);
    const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * 86400_000);
    // Back before the session: the earlier states moved the clock past it, and a link is not handed over for a session that is over.
    clock.set(plus(startsAt, -3 * 3600));
    const created = await gql(t.url, admin, 'mutation($i: CreatePracticeSessionInput!) { createPracticeSession(input: $i) { id } }', {
      i: { moduleKey: 'lead-hybrid-meeting', title: 'Övning i hybridmöte', startsAt, endsAt: plus(startsAt, 3600), place: null },
    });
    const sessionId = created.data!.createPracticeSession.id as string;
    const [member] = await sql<{ member_id: string }>(t.ownerUrl, 'select member_id from attendance where meeting_id = $1 order by member_id limit 1', [kf]);
    // Without e-mail, so the link is handed over (and shown) instead of mailed.
    await sql(t.ownerUrl, 'update member set email = null where id = $1', [member!.member_id]);
    await gql(t.url, admin, 'mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', {
      s: sessionId,
      m: [member!.member_id],
    });
    const session = await gql(t.url, admin, 'query($id: ID!) { practiceSession(id: $id) { joinLinks { id } } }', { id: sessionId });
    const handed = await gql(t.url, admin, 'mutation($id: ID!) { resendJoinLink(id: $id) { url } }', { id: session.data!.practiceSession.joinLinks[0].id });
    assert.equal(handed.errors, undefined, JSON.stringify(handed.errors));
    const token = /\/join\/([^/?#]+)/.exec(handed.data!.resendJoinLink.url as string)![1]!;

    const waiting = await visit('practice-waiting', token, (p) => p.getByText('Övningssammanträdet har inte börjat än').waitFor({ timeout: 15000 }));
    assert.match(await waiting.title(), /^Övningssammanträde: /);
    await waiting.close();
    clock.set(plus(startsAt, 60));
    const open = await visit('practice-open', token, (p) => p.getByText('Övningssammanträdet är öppet').waitFor({ timeout: 15000 }));
    await open.close();
  });

  it('a link that opens nothing: revoked, or its meeting cancelled', async () => {
    await sql(t.ownerUrl, `update join_link set revoked_at = now() where token_hash is not null and meeting_id = $1 and room_id is not null`, [kf]);
    const revoked = await visit('invalid-revoked', roomToken, (p) => p.getByRole('heading', { name: /Länken gäller inte/ }).waitFor({ timeout: 15000 }));
    await revoked.close();
    await sql(t.ownerUrl, `update meeting set status = 'cancelled' where id = $1`, [kf]);
    const cancelled = await visit('invalid-cancelled', meetingToken, (p) => p.getByRole('heading', { name: /Länken gäller inte/ }).waitFor({ timeout: 15000 }));
    await cancelled.close();
    console.log(`Member's page states checked with axe:\n${visited.map((v) => `  ${v.state}  (${v.url})`).join('\n')}`);
    assert.equal(visited.length, 9);
  });
});
