import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { PracticeSessionsService } from '@motesplats/api/training/practice-sessions.service.js';
import { launchChromium } from '../support/chromium.js';
import { sql } from '../support/sql.js';
import { startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results');

/**
 * Clicks a demo user's sign-in button and waits until the app shows the signed-in
 * municipality, so a following navigation cannot race the token being stored.
 */
async function signIn(page: Page, user: RegExp): Promise<void> {
  await page.getByRole('button', { name: user }).click();
  await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
}

describe('admin in Debian Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ devSignIn: true });
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  /** A new page signed in (dev sign-in) as `user`, on the training page; page errors go to `problems`. */
  const trainingPageAs = async (user: RegExp, problems: string[]) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await signIn(page, user);
    await page.goto(`${t.url}/admin/#/training`);
    return page;
  };
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('signs in as a municipal administrator and opens the meetings list', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');

    await signIn(page, /admin\.uddevalla/);
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

  it("shows the rules with their legal basis and history, and a meeting's compliance matrix", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await signIn(page, /admin\.trollhattan/);
    await page.goto(`${t.url}/admin/#/rule-sets`);
    await page.getByRole('heading', { name: 'Regler för distansdeltagande', level: 1 }).waitFor({ timeout: 20000 });
    // The menu gets a label short enough for the side menu at 1280 px; the page keeps its full title.
    const menuEntry = page.getByRole('menuitem', { name: 'Distansregler' });
    assert.equal(await menuEntry.count(), 1);
    assert.ok(await menuEntry.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the menu label is not cut off');
    const history = page.getByRole('table', { name: 'Versioner' });
    await history.getByText('Gäller nu').waitFor();
    assert.equal(await history.getByRole('cell', { name: 'KF 2020-04-20 § 98', exact: true }).count(), 1);
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
    assert.match(panel, /Bedömt enligt version 1 \(KF 2020-04-20 § 98\)/);
    assert.match(panel, /Hinder/);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-compliance.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('names a body with rules of its own by its name in the differences from the template', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await signIn(page, /admin\.munkedal/);
    await page.goto(`${t.url}/admin/#/rule-sets`);
    await page.getByRole('button', { name: 'Nytt utkast från gällande version' }).click();
    await page.getByRole('heading', { name: /Version 2/ }).waitFor({ timeout: 20000 });
    // Set directly, so this test is about the differences alone (secretary.e2e-spec drives the editor).
    const sn = demoId('munkedal:body:sn');
    await sql(
      t.ownerUrl,
      `update rule_set_version set content = jsonb_set(content, '{bodies}', jsonb_build_object($2::text, '{"bodyType":"committee","rules":{"identityCheck":"e_id"}}'::jsonb)) where tenant_id = $1 and status = 'draft'`,
      [tenantOf('munkedal'), sn],
    );
    await page.reload();
    const diff = page.locator('section[aria-labelledby="diff-heading"]');
    await diff.getByText('Socialnämnden: Identitetskontroll').waitFor({ timeout: 20000 });
    assert.doesNotMatch(await diff.innerText(), new RegExp(sn));
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
    await page
      .getByLabel('CSV-innehåll')
      .fill('member_id;module_key;completed_on\n00000000-0000-4000-8000-000000000000;remote-participation-basics;2025-01-10');
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
      const session = await t.app
        .get(PracticeSessionsService)
        .create({ moduleKey: 'lead-hybrid-meeting', title: 'Övning inför fullmäktige', startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) });
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
    // Confirmed with the counts before anything is sent.
    const confirm = page.getByRole('dialog', { name: 'Skicka länkar nu?' });
    assert.match(await confirm.innerText(), /2 länkar har inte skickats.*1 saknar e-post/s);
    await confirm.getByRole('button', { name: 'Skicka länkar nu' }).click();
    await links.getByText(/^E-post /).waitFor();
    assert.equal(await links.getByText(/^Via sekreteraren /).count(), 1);
    assert.match(await links.getByRole('row').filter({ hasText: 'Saknar e-post' }).innerText(), new RegExp(without.name));
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-practice-session-links.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it("records the social committee's decision on its sub-committee, which lifts the blocker, and offers a deputy the seat they take", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    // Dals-Ed's social committee has not yet decided on remote participation in its sub-committee.
    await signIn(page, /admin\.dals-ed/);
    const compliance = `${t.url}/admin/#/meetings/${demoId('dals-ed:meeting:iu-next')}/show/compliance`;
    await page.goto(compliance);
    await page.getByRole('heading', { name: 'Iakttagelser' }).waitFor({ timeout: 20000 });
    assert.equal(await page.locator('[data-code="PARENT_BODY_NOT_ALLOWED"]').count(), 1);

    // The committee's page points to the sub-committee, where the decision is recorded.
    await page.goto(`${t.url}/admin/#/bodies/${demoId('dals-ed:body:sn')}/show`);
    await page.getByText('Nämnden beslutar om deltagande på distans i sina utskott').waitFor({ timeout: 20000 });
    await page.getByRole('link', { name: 'Socialnämndens individutskott' }).click();
    const decisions = page.getByRole('region', { name: 'Nämndens beslut om distansdeltagande' });
    await decisions.getByText('Nämnden har inte fattat något beslut').waitFor({ timeout: 20000 });
    assert.match(await decisions.innerText(), /KL 6 kap\. 24 §/);
    await decisions.getByRole('textbox', { name: /^Beslut\b/ }).fill('SN 2020-06-10 § 88');
    await decisions.getByLabel(/^Beslutsdatum/).fill('2020-06-10');
    await decisions.getByRole('radio', { name: 'Ja' }).check();
    await decisions.getByRole('button', { name: 'Registrera nämndens beslut' }).click();
    const history = decisions.getByRole('table', { name: 'Nämndens beslut om distansdeltagande' });
    await history.getByRole('cell', { name: 'SN 2020-06-10 § 88' }).waitFor({ timeout: 20000 });
    assert.match(await history.innerText(), /2020-06-10\s+Ja/);

    await page.goto(compliance);
    await page.getByRole('heading', { name: 'Iakttagelser' }).waitFor({ timeout: 20000 });
    // The committee's blocker is gone (the demo's remote vice chair still blocks on its own account).
    assert.equal(await page.locator('[data-code="PARENT_BODY_NOT_ALLOWED"]').count(), 0);

    // The sub-committee's deputy, stepping in for one of its ordinary members.
    const seats = await sql<{ role: string; name: string }>(
      t.ownerUrl,
      'select s.role, m.name from body_membership s join member m on (m.tenant_id, m.id) = (s.tenant_id, s.member_id) where s.tenant_id = $1 and s.body_id = $2',
      [tenantOf('dals-ed'), demoId('dals-ed:body:iu')],
    );
    const deputy = seats.find((s) => s.role === 'deputy')!.name;
    const ordinary = seats.filter((s) => s.role !== 'deputy').map((s) => s.name);
    await page.goto(`${t.url}/admin/#/meetings/${demoId('dals-ed:meeting:iu-next')}/show/attendance`);
    await page.getByRole('button', { name: 'Lägg till närvaro' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ledamot').fill(deputy);
    await page.getByRole('option', { name: deputy }).click();
    const replaces = dialog.getByRole('combobox', { name: 'Ersätter' });
    await replaces.waitFor({ timeout: 20000 });
    await replaces.click();
    const offered = await page.getByRole('listbox').getByRole('option').allInnerTexts();
    assert.deepEqual(offered.filter((o) => o !== '–').sort(), [...ordinary].sort(), "the body's ordinary members, not the deputy");
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-deputy.png'), fullPage: true });
    await page.getByRole('listbox').getByRole('option', { name: ordinary[0]!, exact: true }).click();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const deputyRow = page.locator('table tbody tr').filter({ hasText: deputy });
    await deputyRow.waitFor({ timeout: 20000 });
    assert.match(await deputyRow.innerText(), new RegExp(ordinary[0]!), 'the table says whose seat the deputy takes');
    assert.deepEqual(problems, []);
  });
});
