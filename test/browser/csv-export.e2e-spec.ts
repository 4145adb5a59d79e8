import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { launchChromium } from '../support/chromium.js';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';

const FORMULA = '=HYPERLINK("http://x","y")';

/**
 * Security-related admin screens in Chromium: the list exports (written in the browser by
 * react-admin) neutralise formulas too, and the rooms tab lists the members the rules keep out.
 */
describe("the admin's list export and blocked members in Debian Chromium", () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ devSignIn: true });
    const { access_token: token } = (await (
      await fetch(`${t.url}/auth/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin.munkedal' }),
      })
    ).json()) as { access_token: string };
    const created = await gql(t.url, token, 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
      i: { name: FORMULA, email: null, identityLevel: 'E_ID' },
    });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    browser = await launchChromium();
    mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('exports a member named =HYPERLINK(...) with a leading quote', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: /admin\.munkedal/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await page.goto(`${t.url}/admin/#/members`);
    await page.locator('table tbody tr').first().waitFor({ timeout: 20000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.getByRole('button', { name: /Exportera/ }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv, /HYPERLINK/, 'the member is in the export');
    assert.ok(
      csv.includes(`'=HYPERLINK(`),
      csv.split('\n').find((l) => l.includes('HYPERLINK')),
    );
    for (const line of csv.split('\n')) {
      for (const cell of line.split(',')) assert.doesNotMatch(cell, /^"?[=+@]/, `cell ${cell}`);
    }
    await context.close();
  });

  it("lists, on a meeting's rooms tab, the invited remote members the rules keep out, with why", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: /sekreterare\.munkedal/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await page.goto(`${t.url}/admin/#/meetings/${demoId('munkedal:meeting:kf-next')}/show/rooms`);
    const alert = page.getByTestId('blocked-from-remote');
    await alert.waitFor({ timeout: 20000 });
    const text = await alert.innerText();
    assert.match(text, /Får inte delta på distans/);
    assert.match(text, /utbildning|identitet/i, text);
    await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'rooms-blocked-members.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
