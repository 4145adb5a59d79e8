import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { launchChromium } from '../support/chromium.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results');

describe('support scheduling in the admin (Debian Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const problems: string[] = [];

  const supportPageAs = async (user: RegExp): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: user }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await page.goto(`${t.url}/admin/#/support`);
    await page.getByRole('heading', { name: 'Mötesstöd', level: 1 }).waitFor({ timeout: 20000 });
    return page;
  };

  beforeAll(async () => {
    t = await startTestApp({ devSignIn: true });
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('lets the demo support user see and decline their shift under "Mina pass"', async () => {
    const page = await supportPageAs(/support\.munkedal/);
    await page.getByRole('tab', { name: 'Mina pass' }).click();
    const shifts = page.getByRole('table', { name: 'Mina pass' });
    await shifts.getByText('Kommunfullmäktige').waitFor({ timeout: 20000 });
    assert.match(await shifts.innerText(), /accepterad/);
    await shifts.getByRole('button', { name: 'Avböj' }).click();
    await shifts.getByText('avböjd').waitFor({ timeout: 20000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'support-my-shifts.png'), fullPage: true });
    await page.close();
  });

  it('shows the administrator the gap at once, and fills it from the suggestions', async () => {
    const page = await supportPageAs(/admin\.munkedal/);
    await page.getByRole('tab', { name: 'Luckor' }).click();
    const gaps = page.getByRole('table', { name: /Möten som saknar stöd/ });
    const row = gaps.getByRole('row').filter({ hasText: 'Kommunfullmäktige' }).filter({ hasText: 'Mötesstöd' });
    await row.waitFor({ timeout: 20000 });
    await row.getByRole('button', { name: 'Föreslå' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Tilldela' }).first().waitFor({ timeout: 20000 });
    assert.match(await dialog.innerText(), /Kan inte/);
    await dialog.getByRole('button', { name: 'Tilldela' }).first().click();
    await dialog.waitFor({ state: 'detached', timeout: 20000 });
    await row.waitFor({ state: 'detached', timeout: 20000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'support-gaps.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Prognos' }).click();
    const table = page.getByRole('table', { name: /Mötesstöd: behov och tillgång/ });
    await table.locator('tbody tr').nth(7).waitFor({ timeout: 20000 });
    assert.equal(await table.locator('tbody tr').count(), 8, 'eight weeks');
    assert.ok((await page.locator('.recharts-surface').count()) >= 2, 'a chart per role');
    await page.screenshot({ path: join(SCREENSHOTS, 'support-forecast.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Personal' }).click();
    const training = page.getByRole('table', { name: 'Personalens utbildning' });
    await training.getByText('Sekreterarens checklista').first().waitFor({ timeout: 20000 });
    assert.match(await training.innerText(), /Saknas/);

    await page.getByRole('tab', { name: 'Veckan' }).click();
    await page.getByRole('heading', { name: /Veckan från måndag/ }).waitFor({ timeout: 20000 });
    await page.close();
    assert.deepEqual(problems, []);
  });
});
