import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { launchChromium } from '../support/chromium.js';
import { fixClock } from '../support/fixed-clock.js';
import { issueToken } from '../support/join-links.js';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';
import { sql } from '../support/sql.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results');
const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);

describe("a member's join page in Debian Chromium, at iPad size", () => {
  let t: TestApp;
  let browser: Browser;
  let clock: ReturnType<typeof fixClock>;
  let opensAt: string;
  let token: string;
  let linkId: string;

  beforeAll(async () => {
    t = await startTestApp();
    clock = fixClock(t.app);
    const meeting = demoId('uddevalla:meeting:kf-next');
    const res = await gql(t.url, t.realm.token('uddevalla', ['secretary']), 'mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt } } }', {
      m: meeting,
    });
    opensAt = res.data!.setUpBreakoutRooms[0].windows[0].opensAt;
    let link;
    ({ token, link } = await issueToken(t, 'uddevalla', meeting, (links) => links.find((l) => l.roomId)));
    linkId = link.id;
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    clock.reset();
    await browser?.close();
    await t.close();
  });

  it('counts down before the window and opens the room when it opens, without a reload', async () => {
    clock.set(plus(opensAt, -3));
    const page = await browser.newPage({ viewport: { width: 820, height: 1180 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${t.url}/join/${token}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    assert.match(await page.locator('h1').innerText(), /Grupprum/);
    assert.match(await page.locator('body').innerText(), /har inte öppnat än/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at iPad width');
    await page.screenshot({ path: join(SCREENSHOTS, 'member-page-waiting.png') });
    const uses = async () => (await sql<{ use_count: number }>(t.ownerUrl, 'select use_count from join_link where id = $1', [linkId]))[0]!.use_count;
    assert.equal(await uses(), 0, 'opening the page is not coming in');

    // The server's clock passes the opening; the page notices by itself.
    clock.set(plus(opensAt, 1));
    const navigations: string[] = [];
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
    await page.locator('#fallback').waitFor({ state: 'visible', timeout: 15_000 });
    assert.deepEqual(navigations, [], 'no reload');
    assert.doesNotMatch(await page.locator('body').innerText(), /har inte öppnat än/);
    await page.screenshot({ path: join(SCREENSHOTS, 'member-page-open.png') });
    assert.equal(await uses(), 1, 'the page entered once, with its own same-origin POST');
    assert.deepEqual(errors, []);
  });
});
