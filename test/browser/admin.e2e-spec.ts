import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { PracticeSessionsService } from '@motesplats/api/training/practice-sessions.service.js';
import { startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results');

describe('admin in Debian Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  before(async () => {
    t = await startTestApp({ devSignIn: true });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        // Playwright gives each launch a fresh, empty profile of its own.
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  /** A new page signed in (dev sign-in) as `user`, on the training page; page errors go to `problems`. */
  const trainingPageAs = async (user: RegExp, problems: string[]) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: user }).click();
    await page.goto(`${t.url}/admin/#/training`);
    return page;
  };
  after(async () => {
    await browser?.close();
    await t.close();
  });

  it('signs in as a municipal administrator and opens the meetings list', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');

    await page.getByRole('button', { name: /admin\.uddevalla/ }).click();
    await page.goto(`${t.url}/admin/#/meetings`);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor({ timeout: 20000 });
    assert.equal(await rows.count(), 7, 'the seven demo meetings of Uddevalla');
    const text = await page.locator('table').innerText();
    assert.match(text, /Kommunfullmäktige/);
    // Council meetings start at 18.00 Swedish time, whatever the browser's own zone (UTC here).
    assert.match(text, /18:00/);
    assert.match(await page.locator('body').innerText(), /Uddevalla/);

    const file = join(SCREENSHOTS, 'admin-meetings.png');
    await page.screenshot({ path: file, fullPage: true });
    assert.ok(statSync(file).size > 10_000, 'a screenshot with something on it');
    assert.deepEqual(problems, []);
  });

  it('shows the rules with their legal basis and history, and a meeting\'s compliance matrix', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: /admin\.trollhattan/ }).click();
    await page.goto(`${t.url}/admin/#/rule-sets`);
    await page.getByRole('heading', { name: 'Regler för distansdeltagande', level: 1 }).waitFor({ timeout: 20000 });
    const history = page.getByRole('table', { name: 'Versioner' });
    await history.getByText('Gäller nu').waitFor();
    assert.equal(await history.getByRole('cell', { name: 'KF 2020-04-20 § 45', exact: true }).count(), 1);
    // The council's rules, each with its basis in law or guidance.
    await page.getByText('Grund: KL 5 kap. 16 § (lika villkor)').waitFor();
    assert.equal(await page.getByLabel('Tolkning av ”lika villkor”').innerText(), 'Alla ser alltid alla');
    // Trollhättan is stricter than the region's template.
    const diff = page.locator('section[aria-labelledby="diff-heading"]');
    await diff.getByText('Kommunfullmäktige: Identitetskontroll').waitFor();
    assert.match(await diff.innerText(), /Strängare/);

    await page.goto(`${t.url}/admin/#/meetings/${demoId('trollhattan:meeting:kf-next')}/show/compliance`);
    const matrix = page.getByTestId('compliance-matrix');
    await matrix.waitFor({ timeout: 20000 });
    assert.match(await matrix.innerText(), /Beslutförhet/);
    assert.ok((await matrix.locator('tbody tr').count()) > 50, 'every council member has a row');
    const panel = await page.locator('main').innerText();
    assert.match(panel, /Bedömt enligt version 1 \(KF 2020-04-20 § 45\)/);
    assert.match(panel, /Hinder/);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-compliance.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('shows the training library, checks a CSV import row by row, and gives the coordinator counts only', async () => {
    const problems: string[] = [];
    const page = await trainingPageAs(/admin\.uddevalla/, problems);
    await page.getByRole('heading', { name: 'Utbildning', level: 1 }).waitFor({ timeout: 20000 });
    const library = page.getByRole('table', { name: 'Utbildningar' });
    await library.getByText('Delta på distans – grunder').waitFor();
    assert.equal(await library.getByRole('cell', { name: 'remote-participation-basics' }).count(), 1);

    await page.getByRole('tab', { name: 'Import och export' }).click();
    await page.getByLabel('CSV-innehåll').fill('member_id;module_key;completed_on\n00000000-0000-4000-8000-000000000000;remote-participation-basics;2025-01-10');
    await page.getByRole('button', { name: 'Kontrollera (inget sparas)' }).click();
    const errors = page.getByRole('table', { name: /Rader med fel/ });
    await errors.getByRole('cell', { name: '2', exact: true }).waitFor();
    assert.match(await errors.innerText(), /finns inte i kommunen/);
    assert.equal(await page.getByRole('button', { name: 'Importera' }).isDisabled(), true);

    await page.getByRole('tab', { name: 'Täckning' }).click();
    const coverage = page.getByRole('table', { name: 'Täckning' });
    await coverage.getByRole('cell', { name: 'Kommunfullmäktige' }).first().waitFor({ timeout: 20000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-training-coverage.png'), fullPage: true });

    const coordinator = await trainingPageAs(/samordnare\.fyrbodal/, problems);
    await coordinator.getByRole('tab', { name: 'Kommunerna' }).click();
    const regional = coordinator.getByRole('table', { name: 'Kommunerna' });
    await regional.getByRole('cell', { name: 'Uddevalla' }).first().waitFor({ timeout: 20000 });
    assert.equal(await coordinator.getByRole('tab', { name: 'Täckning' }).count(), 0, 'no per-member coverage for the region');
    assert.deepEqual(problems, []);
  });

  it("shows a practice session's invitees' links, sends them, and marks who the secretary must reach", async () => {
    // Set up in the municipality's own transaction (this app signs in through the dev sign-in only).
    const { withEmail, without } = await t.app.get(TenantDb).run(tenantOf('uddevalla'), async (em) => {
      const members: { id: string; name: string; email: string | null }[] = await em.query('select id, name, email from member order by name');
      const startsAt = new Date(Date.now() + 86400_000);
      const session = await t.app.get(PracticeSessionsService).create({ moduleKey: 'lead-hybrid-meeting', title: 'Övning inför fullmäktige', startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) });
      const picked = { withEmail: members.find((m) => m.email)!, without: members.find((m) => !m.email)! };
      await t.app.get(PracticeSessionsService).invite(session.id, [picked.withEmail.id, picked.without.id]);
      return picked;
    });

    const problems: string[] = [];
    const page = await trainingPageAs(/admin\.uddevalla/, problems);
    await page.getByRole('tab', { name: 'Övningssammanträden' }).click();
    await page.getByRole('combobox', { name: 'Övningssammanträde' }).click();
    await page.getByRole('option', { name: /Övning inför fullmäktige/ }).click();
    const links = page.getByRole('table', { name: 'Personliga länkar' });
    await links.getByRole('cell', { name: withEmail.name, exact: true }).waitFor({ timeout: 20000 });
    assert.equal(await links.getByText('Inte skickad').count(), 2);
    await page.getByRole('button', { name: 'Skicka länkar nu' }).click();
    await links.getByText(/^E-post /).waitFor();
    assert.equal(await links.getByText(/^Via sekreteraren /).count(), 1);
    assert.match(await page.getByRole('tabpanel').getByRole('alert').filter({ hasText: 'Saknar e-post' }).innerText(), new RegExp(without.name));
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-practice-session-links.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
