import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { launchChromium } from '../support/chromium.js';
import { sql } from '../support/sql.js';
import { startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results');

/** What the focused element is called: its aria-label, its text, or its form label. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const input = el as HTMLInputElement;
    return [el.getAttribute('aria-label'), el.innerText, input.labels?.[0]?.innerText].filter(Boolean).join(' | ');
  });

/**
 * Presses Tab (forwards) until the focused element's name matches: the keyboard user's way
 * through a page. `field`: only a form field will do (the menu has an "Organ" too).
 */
async function tabTo(page: Page, name: RegExp, { field = false, max = 120 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const isField = await page.evaluate(() => ['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName ?? ''));
    // Case-insensitive: innerText follows CSS text-transform (MUI buttons and tabs are upper case).
    if ((!field || isField) && new RegExp(name.source, 'i').test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/**
 * Tabs are one stop for Tab (only the selected tab is focusable): reach the selected one, walk
 * with the arrow keys to the wanted one and activate it with Enter.
 */
async function switchTab(page: Page, selected: RegExp, wanted: RegExp): Promise<void> {
  await tabTo(page, selected);
  for (let i = 0; i < 8; i++) {
    if (new RegExp(wanted.source, 'i').test(await focusedName(page))) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no tab ${wanted}`);
}

/** A date Stockholm-local `days` from now, as the segments a datetime-local input takes: yyyy, mm, dd. */
const dateIn = (days: number) => {
  const d = new Date(Date.now() + days * 86400_000);
  const [y, m, dd] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d).split('-');
  return { y: y!, m: m!, d: dd! };
};

/**
 * Types a date and time into the focused datetime-local input, segment by segment, as a Swedish
 * keyboard user does: year, month, day, hour, minute (24 h). The year segment takes up to six
 * digits, so ArrowRight moves on from it; two-digit segments move on by themselves once full.
 * The value is checked after.
 */
async function typeDateTime(page: Page, date: { y: string; m: string; d: string }, time: string): Promise<void> {
  const [hh, mm] = time.split(':') as [string, string];
  await page.keyboard.type(date.y);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(date.m + date.d + hh + mm);
  const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  assert.equal(value, `${date.y}-${date.m}-${date.d}T${time}`);
}

describe("the secretary's everyday tasks in Debian Chromium", () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ devSignIn: true });
    browser = await launchChromium([
      // A Swedish secretary's Chromium lays date fields out as YYYY-MM-DD HH:MM. Debian's
      // package ships the en-US UI locale only, so --lang alone falls back to en-US; the Blink
      // feature makes the field follow the page's language (the admin sets <html lang="sv">),
      // which gives the same Swedish layout whatever the machine's locale.
      '--lang=sv-SE',
      '--enable-blink-features=LangAttributeAwareFormControlUI',
    ]);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  const open = async (problems: string[]) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    return page;
  };

  it('creates a meeting, adds items, convenes it and sends the links by keyboard alone', async () => {
    const problems: string[] = [];
    const page = await open(problems);
    try {
      await keyboardOnly(page, problems);
    } catch (error) {
      await page.screenshot({ path: join(SCREENSHOTS, 'secretary-keyboard-failure.png'), fullPage: true });
      throw error;
    }
  });

  const keyboardOnly = async (page: Page, problems: string[]) => {
    // Sign in: narrow the demo users down, then pick one.
    await tabTo(page, /Sök|Filtrera/, { field: true });
    await page.keyboard.type('sekreterare.vanersborg');
    await tabTo(page, /sekreterare\.vanersborg/);
    await page.keyboard.press('Enter');
    await page.getByTestId('tenant-badge').waitFor({ timeout: 30000 });
    // The start page, not a list.
    await page.getByRole('heading', { name: 'Kommande sammanträden' }).waitFor({ timeout: 20000 });

    // To the meetings, and a new one.
    await tabTo(page, /^Sammanträden/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/meetings$/);
    await page.locator('table tbody tr').first().waitFor({ timeout: 20000 });
    await tabTo(page, /^Skapa/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/meetings\/create/);

    await tabTo(page, /Organ/, { field: true });
    await page.keyboard.type('Kommunfull');
    // Wait for the search to narrow the list to the council before choosing.
    await page.getByRole('option', { name: 'Kommunfullmäktige' }).waitFor({ timeout: 20000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[role="option"]')].every((o) => /Kommunfullmäktige/.test(o.textContent ?? '')));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement).value === 'Kommunfullmäktige');
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-keyboard-body.png') });
    await tabTo(page, /Rubrik/, { field: true });
    await page.keyboard.type('Extra sammanträde om vattenverket');
    const day = dateIn(20);
    await tabTo(page, /Börjar/, { field: true });
    await typeDateTime(page, day, '18:00');
    await tabTo(page, /Slutar/, { field: true });
    await typeDateTime(page, day, '20:00');
    await tabTo(page, /Plats/, { field: true });
    await page.keyboard.type('Kommunhuset, sessionssalen');
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-keyboard-create.png'), fullPage: true });
    await tabTo(page, /^Spara/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/meetings\/[0-9a-f-]+\/show$/, { timeout: 20000 });
    const meetingId = /meetings\/([0-9a-f-]+)\/show/.exec(page.url())![1]!;

    // Two agenda items: numbered by themselves.
    await switchTab(page, /^Uppgifter$/, /^Dagordning$/);
    for (const title of ['Upprop och val av justerare', 'Investering i nytt vattenverk']) {
      await tabTo(page, /^Lägg till ärende/);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await tabTo(page, /^Rubrik/, { field: true });
      await page.keyboard.type(title);
      await tabTo(page, /^Spara/);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('table tbody tr').filter({ hasText: title }).waitFor({ timeout: 20000 });
    }
    const agenda = await page.locator('table tbody').innerText();
    assert.match(agenda, /1\s+Upprop och val av justerare/);
    assert.match(agenda, /2\s+Investering i nytt vattenverk/);
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-keyboard-agenda.png'), fullPage: true });

    // Convene: what will happen is shown and confirmed.
    await switchTab(page, /^Dagordning$/, /^Uppgifter$/);
    await tabTo(page, /^Sätt till ”Kallat”$/);
    await page.keyboard.press('Enter');
    const convene = page.getByRole('dialog', { name: 'Kalla till sammanträdet?' });
    await convene.getByTestId('convene-preview').waitFor({ timeout: 20000 });
    assert.match(await convene.innerText(), /Grupprum skapas/);
    assert.match(await convene.innerText(), /Personliga länkar till partigruppernas rum skickas med e-post \d+ [a-z]+\. \d{4} \d\d:\d\d/);
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-keyboard-convene.png'), fullPage: true });
    await tabTo(page, /^Kalla$/);
    await page.keyboard.press('Enter');
    await convene.waitFor({ state: 'hidden' });
    await page.getByText('Sammanträdets status är nu ”Kallat”').waitFor({ timeout: 20000 });

    // Send links: confirmed with the counts.
    await switchTab(page, /^Uppgifter$/, /^Grupprum och länkar$/);
    const links = page.getByTestId('join-links');
    await links.getByTestId('join-link-row').first().waitFor({ timeout: 30000 });
    assert.ok((await links.getByRole('button', { name: /^Skicka: / }).count()) > 0, 'links never sent offer "Skicka"');
    assert.equal(await links.getByRole('button', { name: /^Skicka igen: / }).count(), 0, 'nothing is sent yet, so nothing is "sent again"');
    await tabTo(page, /^Skicka länkar nu$/);
    await page.keyboard.press('Enter');
    const send = page.getByRole('dialog', { name: 'Skicka länkar nu?' });
    await send.waitFor();
    assert.match(await send.innerText(), /\d+ länkar har inte skickats/);
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-keyboard-send-links.png'), fullPage: true });
    // The confirming button has the focus.
    await page.keyboard.press('Enter');
    await send.waitFor({ state: 'hidden' });
    await links
      .getByText(/^E-post /)
      .first()
      .waitFor({ timeout: 20000 });
    assert.ok((await links.getByRole('button', { name: /^Skicka igen: / }).count()) > 0);
    assert.equal(await links.getByRole('button', { name: /^Skicka: / }).count(), 0, 'every link has gone out or is handed over');
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-keyboard-links-sent.png'), fullPage: true });

    const [row] = await sql<{ status: string; items: number }>(
      t.ownerUrl,
      'select m.status, (select count(*)::int from agenda_item a where a.tenant_id = m.tenant_id and a.meeting_id = m.id) as items from meeting m where m.tenant_id = $1 and m.id = $2',
      [tenantOf('vanersborg'), meetingId],
    );
    assert.deepEqual(row, { status: 'convened', items: 2 });
    assert.deepEqual(problems, []);
  };

  it("reads a convened meeting's compliance as advice and never as a refusal to convene", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await page.getByRole('button', { name: /sekreterare\.trollhattan/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await page.goto(`${t.url}/admin/#/meetings/${demoId('trollhattan:meeting:kf-next')}/show/compliance`);
    const findings = page.getByTestId('compliance-findings');
    await page.getByTestId('compliance-summary').waitFor({ timeout: 20000 });
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, /kan (inte )?kallas/, 'a convened meeting is not told it cannot be convened');
    assert.match(main, /Högst \d+ på distans – \d+ planerade|Inget tak för deltagare på distans/);
    assert.match(main, /Beslutfört: \d+ av \d+, krävs \d+|Inte beslutfört i \d+ ärende/);
    if (await findings.count()) {
      // Every line with a fix links to where it is put right.
      const hrefs = await findings.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.every((h) => h && h.startsWith('#/')));
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-compliance-convened.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('opens the start page per role: the secretary the coming meetings, support staff their shifts, a coordinator the region', async () => {
    const problems: string[] = [];
    const secretary = await open(problems);
    await secretary.getByRole('button', { name: /sekreterare\.uddevalla/ }).click();
    await secretary.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    const meetings = secretary.getByTestId('start-meetings');
    await meetings.waitFor({ timeout: 20000 });
    assert.match(await meetings.innerText(), /Kommunfullmäktige/);
    // Each thing to do links to where it is done.
    const first = meetings.locator('tbody tr').first();
    assert.ok((await first.getByRole('link').count()) >= 2);
    await secretary.getByRole('heading', { name: 'Ledamöter att nå på annat sätt' }).waitFor();
    await secretary.getByRole('heading', { name: 'Utbildning som går ut före ett sammanträde' }).waitFor();
    await secretary.screenshot({ path: join(SCREENSHOTS, 'secretary-start.png'), fullPage: true });

    const support = await open(problems);
    await support.getByRole('button', { name: /support\.uddevalla/ }).click();
    await support.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await support.getByRole('heading', { name: 'Mina pass' }).waitFor({ timeout: 20000 });
    await support.screenshot({ path: join(SCREENSHOTS, 'support-start.png'), fullPage: true });

    const coordinator = await open(problems);
    await coordinator.getByRole('button', { name: /samordnare\.fyrbodal/ }).click();
    await coordinator.waitForURL(/#\/region/, { timeout: 20000 });
    assert.deepEqual(problems, []);
  });

  it("records a training from the member's own page, where the compliance advice leads", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await page.getByRole('button', { name: /sekreterare\.trollhattan/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await page.goto(`${t.url}/admin/#/meetings/${demoId('trollhattan:meeting:kf-next')}/show/compliance`);
    const training = page.getByTestId('compliance-findings').locator('[data-code="TRAINING_MISSING"]');
    await training.waitFor({ timeout: 20000 });
    const link = training.getByRole('link', { name: /^Registrera utbildning: / }).first();
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/#\/members\/[0-9a-f-]+$/, { timeout: 20000 });
    const section = page.getByRole('region', { name: 'Utbildning' });
    await section.waitFor({ timeout: 20000 });
    await section.getByRole('combobox', { name: /Utbildning/ }).click();
    const option = page.getByRole('option').first();
    const module = (await option.innerText()).trim();
    await option.click();
    await section.getByRole('button', { name: 'Registrera utbildning' }).click();
    await section.getByTestId('member-training').getByRole('cell', { name: module }).first().waitFor({ timeout: 20000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-member-training.png'), fullPage: true });
    assert.ok(name.length > 0);
    assert.deepEqual(problems, []);
  });

  it('creates a practice session, invites members and hands over a link in view, without a new link per click', async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await page.getByRole('button', { name: /sekreterare\.uddevalla/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await page.goto(`${t.url}/admin/#/training`);
    await page.getByRole('tab', { name: 'Övningssammanträden' }).click();
    const form = page.getByRole('form', { name: 'Nytt övningssammanträde' });
    await form.getByRole('textbox', { name: 'Rubrik' }).fill('Övning i hybridmöte för nya ledamöter');
    await form.getByRole('combobox', { name: /Utbildning/ }).click();
    await page.getByRole('option').first().click();
    const day = dateIn(7);
    await form.getByLabel(/Börjar/).fill(`${day.y}-${day.m}-${day.d}T17:00`);
    await form.getByLabel(/Slutar/).fill(`${day.y}-${day.m}-${day.d}T18:30`);
    await form.getByRole('button', { name: 'Skapa' }).click();
    await page
      .getByText(/Övning i hybridmöte för nya ledamöter/)
      .first()
      .waitFor({ timeout: 20000 });
    const links = page.getByTestId('join-links');
    await links.getByTestId('join-links-empty').waitFor({ timeout: 20000 });

    // Invite one member with e-mail and one without.
    const members = await sql<{ name: string; email: string | null }>(t.ownerUrl, 'select name, email from member where tenant_id = $1 order by name', [
      tenantOf('uddevalla'),
    ]);
    const withEmail = members.find((m) => m.email)!;
    const without = members.find((m) => !m.email)!;
    const pick = page.getByRole('combobox', { name: 'Ledamöter att bjuda in' });
    for (const m of [withEmail, without]) {
      await pick.fill(m.name);
      await page.getByRole('option', { name: m.name, exact: true }).click();
    }
    await page.getByRole('button', { name: 'Bjud in', exact: true }).click();
    await page.getByText('2 ledamöter inbjudna').waitFor({ timeout: 20000 });
    await links.getByTestId('join-link-row').nth(1).waitFor({ timeout: 20000 });
    assert.equal(await links.getByRole('button', { name: `Skicka: ${withEmail.name}` }).count(), 1);

    // The member without e-mail: the link is shown in the row, and shown again without a new one.
    await links.getByRole('button', { name: `Lämna över: ${without.name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lämna över' }).click();
    const handOver = links.getByTestId('hand-over');
    await handOver.waitFor({ timeout: 20000 });
    const url = await handOver.getByTestId('hand-over-url').inputValue();
    assert.match(url, /\/join\//);
    assert.ok(await handOver.isVisible());
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-practice-hand-over.png'), fullPage: true });
    await handOver.getByRole('button', { name: 'Stäng' }).click();
    await links.getByRole('button', { name: `Lämna över: ${without.name}` }).click();
    assert.equal(await links.getByTestId('hand-over-url').inputValue(), url);
    assert.equal(await page.getByRole('dialog').count(), 0, 'no new link is asked for');
    assert.deepEqual(problems, []);
  });

  it('gives one body rules of its own in a draft, and names it in the differences from the template', async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await page.getByRole('button', { name: /admin\.munkedal/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await page.goto(`${t.url}/admin/#/rule-sets`);
    await page.getByRole('button', { name: 'Nytt utkast från gällande version' }).click();
    await page.getByRole('heading', { name: /Version 2/ }).waitFor({ timeout: 20000 });
    const own = page.getByRole('region', { name: 'Organets egna regler' });
    await own.getByRole('combobox', { name: /Organ/ }).click();
    await page.getByRole('option', { name: 'Socialnämnden', exact: true }).click();
    await own.getByRole('combobox', { name: /Identitetskontroll/ }).click();
    await page.getByRole('option', { name: /e-legitimation/i }).click();
    await page.getByRole('button', { name: 'Spara', exact: true }).first().click();
    await page.getByText('Utkastet har sparats').waitFor({ timeout: 20000 });
    await page.reload();
    const diff = page.locator('section[aria-labelledby="diff-heading"]');
    await diff.getByText('Socialnämnden: Identitetskontroll').waitFor({ timeout: 20000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-body-rules.png'), fullPage: true });
    const [draft] = await sql<{ bodies: Record<string, { rules: Record<string, unknown> }> }>(
      t.ownerUrl,
      "select content->'bodies' as bodies from rule_set_version where tenant_id = $1 and status = 'draft'",
      [tenantOf('munkedal')],
    );
    assert.deepEqual(draft!.bodies[demoId('munkedal:body:sn')]!.rules, { identityCheck: 'e_id' });
    assert.deepEqual(problems, []);
  });

  it('warns when a change of attendance breaks the rules of a convened meeting', async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await page.getByRole('button', { name: /sekreterare\.trollhattan/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    // A council member planned on site whose training does not cover the meeting date.
    const meetingId = demoId('trollhattan:meeting:kf-next');
    await page.goto(`${t.url}/admin/#/meetings/${meetingId}/show/compliance`);
    await page.getByTestId('compliance-summary').waitFor({ timeout: 20000 });
    await page.goto(`${t.url}/admin/#/meetings/${meetingId}/show/attendance`);
    await page.getByRole('button', { name: 'Lägg till närvaro' }).waitFor({ timeout: 20000 });
    // An ordinary council member planned on site who lacks the e-ID the council's rules require remotely.
    const [member] = await sql<{ name: string }>(
      t.ownerUrl,
      `select m.name from attendance a join member m on (m.tenant_id, m.id) = (a.tenant_id, a.member_id)
         join body_membership s on (s.tenant_id, s.member_id) = (a.tenant_id, a.member_id) and s.body_id = $2
        where a.tenant_id = $1 and a.meeting_id = $3 and a.mode = 'on_site' and s.role = 'member' and m.identity_level <> 'e_id'
        order by m.name limit 1`,
      [tenantOf('trollhattan'), demoId('trollhattan:body:kf'), meetingId],
    );
    assert.ok(member, 'an on-site council member without e-ID');
    await page.getByRole('button', { name: `Redigera ${member.name} (På plats)` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /Deltagande/ }).click();
    await page.getByRole('option', { name: 'På distans' }).click();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const warning = page.getByTestId('attendance-breaks-rule');
    await warning.waitFor({ timeout: 20000 });
    assert.match(await warning.innerText(), /bryter mot reglerna för ett kallat sammanträde/);
    assert.match(await warning.innerText(), new RegExp(member.name));
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-attendance-warning.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('lists what blocks convening, with the people and fixes; a secretary is told who may override, an administrator may', async () => {
    const problems: string[] = [];
    const meeting = `${t.url}/admin/#/meetings/${demoId('uddevalla:meeting:iu-next')}/show`;
    const secretary = await open(problems);
    await secretary.getByRole('button', { name: /sekreterare\.uddevalla/ }).click();
    await secretary.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await secretary.goto(meeting);
    await secretary.getByRole('button', { name: 'Sätt till ”Kallat”' }).click();
    const blocked = secretary.getByRole('dialog', { name: 'Sammanträdet kan inte kallas än' });
    await blocked.getByTestId('convene-blockers').waitFor({ timeout: 20000 });
    assert.match(await blocked.innerText(), /En administratör för kommunen kan kalla ändå/);
    assert.equal(await blocked.getByRole('button', { name: /^Kalla/ }).count(), 0);
    assert.ok((await blocked.getByTestId('convene-blockers').getByRole('link').count()) > 0, 'each blocker links to its fix');
    await secretary.screenshot({ path: join(SCREENSHOTS, 'secretary-convene-blocked.png'), fullPage: true });

    const admin = await open(problems);
    await admin.getByRole('button', { name: /admin\.uddevalla/ }).click();
    await admin.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    await admin.goto(meeting);
    await admin.getByRole('button', { name: 'Sätt till ”Kallat”' }).click();
    const offered = admin.getByRole('dialog', { name: 'Sammanträdet kan inte kallas än' });
    await offered.getByTestId('convene-blockers').waitFor({ timeout: 20000 });
    assert.match(await offered.innerText(), /Du är administratör och kan kalla ändå/);
    const override = offered.getByRole('button', { name: 'Kalla trots hinder' });
    assert.equal(await override.isDisabled(), true, 'not without a reason');
    await offered.getByRole('textbox', { name: /Motivering/ }).fill('Extra sammanträde enligt beslut i KS, brådskande ärende');
    await override.click();
    await admin.getByText('Sammanträdets status är nu ”Kallat”').waitFor({ timeout: 20000 });
    // Convened now: the compliance tab says what still blocks the meeting, not that it cannot be convened.
    await admin.goto(`${meeting}/compliance`);
    await admin.getByTestId('compliance-summary').waitFor({ timeout: 20000 });
    const main = await admin.locator('main').innerText();
    assert.match(main, /Sammanträdet är kallat\. \d+ hinder återstår för själva sammanträdet/);
    assert.doesNotMatch(main, /kan (inte )?kallas/);
    assert.deepEqual(problems, []);
  });

  it("lets no screen contradict the meeting's status: planned, convened, cancelled", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await page.getByRole('button', { name: /sekreterare\.lysekil/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    const meeting = `${t.url}/admin/#/meetings/${demoId('lysekil:meeting:bun-next')}/show`;
    const links = page.getByTestId('join-links');
    const sendActions = () => links.getByRole('button', { name: /^Skicka( igen)?: / }).count();
    const statusButton = (status: string) => page.getByRole('button', { name: `Sätt till ”${status}”` });
    const showTab = async (path: string, ready: () => Promise<unknown>) => {
      await page.goto(`${meeting}/${path}`);
      await page.reload();
      await ready();
    };

    // Planned: nothing can be sent yet.
    await showTab('rooms', () => links.waitFor({ timeout: 20000 }));
    assert.equal(await sendActions(), 0, 'a planned meeting offers no link to send');
    assert.ok(await page.getByRole('button', { name: 'Skicka länkar nu' }).isDisabled());

    // Convened: the compliance tab advises, the links table offers sending.
    await page.goto(meeting);
    await statusButton('Kallat').click();
    const convene = page.getByRole('dialog', { name: 'Kalla till sammanträdet?' });
    await convene.getByTestId('convene-preview').waitFor({ timeout: 20000 });
    await convene.getByRole('button', { name: /^Kalla$/ }).click();
    await page.getByText('Sammanträdets status är nu ”Kallat”').waitFor({ timeout: 20000 });
    await showTab('compliance', () => page.getByTestId('compliance-summary').waitFor({ timeout: 20000 }));
    assert.doesNotMatch(await page.locator('main').innerText(), /kan (inte )?kallas/, 'a convened meeting is not told whether it can be convened');
    await showTab('rooms', () => links.getByTestId('join-link-row').first().waitFor({ timeout: 30000 }));
    assert.ok((await links.getByRole('button', { name: /^Skicka: / }).count()) > 0, 'a convened meeting offers "Skicka"');
    assert.ok(await page.getByRole('button', { name: 'Skicka länkar nu' }).isEnabled());

    // Cancelled: no sending and no convening, on any tab.
    await page.goto(meeting);
    await statusButton('Inställt').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, ändra' }).click();
    await page.getByText('Sammanträdets status är nu ”Inställt”').waitFor({ timeout: 20000 });
    // Only links already sent are listed now (revoked with the meeting); none were sent here.
    await showTab('rooms', () => links.waitFor({ timeout: 20000 }));
    assert.equal(await sendActions(), 0, 'a cancelled meeting offers no link to send');
    assert.ok(await page.getByRole('button', { name: 'Skicka länkar nu' }).isDisabled());
    for (const tab of ['', 'agenda', 'attendance', 'compliance']) {
      await showTab(tab, () => page.getByRole('tab', { selected: true }).waitFor({ timeout: 20000 }));
      assert.equal(await statusButton('Kallat').count(), 0, `no convene button on the ${tab || 'details'} tab of a cancelled meeting`);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'secretary-cancelled-meeting.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
