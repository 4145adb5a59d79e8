import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { launchChromium } from '../support/chromium.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results');

/** The region's menu, in order, as a coordinator sees it (Swedish). */
const REGION_MENU = ['Översikt', 'Jämförelse', 'Regler i kommunerna', 'Enkäter', 'Erfarenheter', 'Utbildningstäckning', 'Regionens stödpool'];
const MUNICIPAL_MENU = ['Sammanträden', 'Organ', 'Ledamöter', 'Distansregler', 'Erfarenheter', 'Enkäter'];

async function signIn(page: Page, user: RegExp): Promise<void> {
  await page.getByRole('button', { name: user }).click();
  await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
}

/** Waits until nothing is loading: no progress bar in the page, no loading indicator in the app bar. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('main [role="progressbar"], main .MuiLinearProgress-root, header .MuiCircularProgress-root').length === 0,
    undefined,
    { timeout: 20000 },
  );
}

/** Error toasts (react-admin notifications) and error alerts in the page. */
async function errors(page: Page): Promise<string[]> {
  return page.locator('.RaNotification-error, .MuiAlert-standardError, .MuiAlert-filledError, .MuiAlert-colorError').allInnerTexts();
}

describe("the coordinator's workspace in Debian Chromium", () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ devSignIn: true });
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it("gives a coordinator the region's menu only, and every entry opens without an error or a stuck spinner", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await signIn(page, /samordnare\.fyrbodal/);
    await page.waitForURL(/#\/region$/, { timeout: 20000 });
    const menu = page.locator('.RaSidebar-fixed, .RaMenu-open, [class*="RaMenu"]').first();
    await menu.getByRole('menuitem').first().waitFor({ timeout: 20000 });
    const entries = (await menu.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(entries, REGION_MENU);
    for (const name of REGION_MENU) {
      await menu.getByRole('menuitem', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20000 });
      await settled(page);
      // Give a late failing request the chance to show its toast before judging.
      await page.waitForTimeout(300);
      await settled(page);
      assert.deepEqual(await errors(page), [], `${name}: no error`);
      const text = await page.locator('main').innerText();
      assert.doesNotMatch(text, /\b(app|region|experience|surveys|ra)\.[a-zA-Z]+\.[a-zA-Z]/, `${name}: every text translated`);
      if (name === 'Jämförelse') {
        await page.getByRole('table', { name: 'Kommunerna sida vid sida' }).waitFor();
        assert.equal(await page.getByRole('table', { name: 'Kommunerna sida vid sida' }).locator('tbody tr').count(), 14);
        await page.screenshot({ path: join(SCREENSHOTS, 'region-comparison.png'), fullPage: true });
      }
      if (name === 'Regler i kommunerna') {
        const table = page.getByRole('table', { name: 'Regler i kommunerna' });
        await table.waitFor();
        assert.equal(await table.locator('tbody tr').count(), 14);
        // Trollhättan's council is stricter than the template: its cap is marked.
        const trollhattan = table.locator('tbody tr', { hasText: 'Trollhättan' });
        assert.ok((await trollhattan.innerText()).includes('striktare'));
      }
      if (name === 'Regionens stödpool') {
        const optins = page.getByRole('table', { name: 'Kommuner som använder poolen' });
        await optins.waitFor();
        assert.equal(await optins.locator('tbody tr').count(), 14);
        assert.deepEqual(await optins.getByRole('columnheader').allInnerTexts(), ['Kommun', 'Använder poolen']);
        // The coordinator adds a person to the pool, then makes them inactive.
        const pool = page.getByRole('table', { name: 'Regionens pool' });
        await pool.waitFor();
        await page.getByRole('button', { name: 'Lägg till i poolen' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill('Petra Poolsson');
        await dialog.getByRole('textbox', { name: 'Befattning', exact: true }).fill('Mötestekniker');
        await dialog.getByLabel('IT-support', { exact: true }).check();
        await dialog.getByRole('button', { name: 'Spara' }).click();
        await dialog.waitFor({ state: 'detached' });
        const row = pool.locator('tbody tr', { hasText: 'Petra Poolsson' });
        await row.waitFor();
        assert.match(await row.innerText(), /Mötestekniker[\s\S]*IT-support[\s\S]*Ja/);
        await row.getByRole('button', { name: 'Redigera' }).click();
        await dialog.getByLabel('Aktiv', { exact: true }).uncheck();
        await dialog.getByRole('button', { name: 'Spara' }).click();
        await dialog.waitFor({ state: 'detached' });
        await pool.locator('tbody tr', { hasText: 'Petra Poolsson (inaktiv)' }).waitFor();
        assert.match(await pool.locator('tbody tr', { hasText: 'Petra Poolsson' }).innerText(), /Nej/);
        // Availability and absences open below the register.
        await pool.locator('tbody tr', { hasText: 'Petra Poolsson' }).getByRole('button', { name: 'Tillgänglighet' }).click();
        await page.getByRole('table', { name: 'Frånvaro och extra tid' }).waitFor();
        await settled(page);
        assert.deepEqual(await errors(page), [], 'support pool: no error after saving');
        await page.screenshot({ path: join(SCREENSHOTS, 'region-support-pool.png'), fullPage: true });
      }
      if (name === 'Översikt') assert.equal(await page.getByRole('table', { name: 'Vad kommunerna delar' }).locator('tbody tr').count(), 14);
    }
    // The detector does see an error toast: sending an empty survey is refused by the API.
    await menu.getByRole('menuitem', { name: 'Enkäter', exact: true }).click();
    await page.getByRole('button', { name: 'Ny enkät' }).click();
    await page.getByRole('button', { name: 'Skicka enkäten' }).click();
    await page.locator('.RaNotification-error').first().waitFor({ timeout: 20000 });
    assert.ok((await errors(page)).length > 0, 'a refused request shows an error toast');
    // A link into a municipal page sends the coordinator back to the region.
    await page.goto(`${t.url}/admin/#/meetings`);
    await page.waitForURL(/#\/region$/, { timeout: 20000 });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("never shows a secretary the region's menu", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    await page.goto(`${t.url}/admin/`);
    await signIn(page, /sekreterare\.uddevalla/);
    await page.goto(`${t.url}/admin/#/meetings`);
    await page.locator('table tbody tr').first().waitFor({ timeout: 20000 });
    const menu = page.locator('[class*="RaMenu"]').first();
    const entries = (await menu.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
    for (const m of MUNICIPAL_MENU) assert.ok(entries.includes(m), `${m} in ${entries.join(', ')}`);
    for (const r of ['Översikt', 'Jämförelse', 'Regler i kommunerna', 'Utbildningstäckning']) assert.ok(!entries.includes(r), `${r} is not for a secretary`);
    // The municipality's own pages for reports (and sharing) and surveys work for a secretary.
    for (const name of ['Erfarenheter', 'Enkäter']) {
      await menu.getByRole('menuitem', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20000 });
      await settled(page);
      assert.deepEqual(await errors(page), [], `${name}: no error`);
      assert.doesNotMatch(
        await page.locator('main').innerText(),
        /\b(app|region|experience|surveys|ra)\.[a-zA-Z]+\.[a-zA-Z]/,
        `${name}: every text translated`,
      );
    }
    assert.ok((await page.locator('main').innerText()).length > 0);
    await page.goto(`${t.url}/admin/#/region/comparison`);
    await page.waitForURL(/#\/meetings$/, { timeout: 20000 });
    await page.close();
  });
});
