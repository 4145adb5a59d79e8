import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { launchChromium } from '../support/chromium.js';
import { axeViolations, rawCodesOnScreen, schemaEnumValues, settled, type AxeViolation } from '../support/accessibility.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const RESULTS = join(REPO_ROOT, 'test-results');
const SHOTS = join(RESULTS, 'axe');

/**
 * One demo user per role; Uddevalla has the fullest demo data. The secretary walks twice: once
 * more with the admin switched to English, where no raw code may show either.
 */
const ROLES: { role: string; user: RegExp; english?: true }[] = [
  { role: 'tenant-admin', user: /\(admin\.uddevalla\)/ },
  { role: 'secretary', user: /\(sekreterare\.uddevalla\)/ },
  { role: 'support', user: /\(support\.uddevalla\)/ },
  { role: 'coordinator', user: /\(samordnare\.fyrbodal\)/ },
  { role: 'secretary-en', user: /\(sekreterare\.uddevalla\)/, english: true },
];

interface Visit {
  role: string;
  page: string;
  url: string;
  violations: AxeViolation[];
  rawCodes: string[];
  screenshot: string;
}

/**
 * axe-core (WCAG 2.1 A and AA) on every admin page a role reaches from its menu: each list,
 * the first record's page and its edit form, the create form, and every tab on each of them;
 * plus the sign-in page and the accessibility statement. While there, no raw enum value or
 * finding code may be on screen outside a `data-code` detail.
 */
describe('accessibility of the admin, every page, tab and role, in Debian Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  const visits: Visit[] = [];
  const enumValues = schemaEnumValues();
  let shot = 0;

  beforeAll(async () => {
    t = await startTestApp({ devSignIn: true });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    writeFileSync(
      join(RESULTS, 'axe-visited.json'),
      JSON.stringify(
        visits.map((v) => ({
          role: v.role,
          page: v.page,
          url: v.url,
          violations: v.violations,
          rawCodes: v.rawCodes,
          screenshot: v.screenshot,
        })),
        null,
        2,
      ),
    );
    await browser?.close();
    await t?.close();
  });

  const check = async (page: Page, role: string, name: string) => {
    await settled(page);
    const file = `${String(++shot).padStart(3, '0')}-${role}-${name.replace(/[^a-zA-Z0-9åäöÅÄÖ]+/g, '-').slice(0, 60)}.png`;
    await page.screenshot({ path: join(SHOTS, file) });
    visits.push({
      role,
      page: name,
      url: page.url().replace(t.url, ''),
      violations: await axeViolations(page),
      rawCodes: await rawCodesOnScreen(page, enumValues),
      screenshot: `test-results/axe/${file}`,
    });
  };

  /** The page, then each of its tabs (react-admin's tabbed pages and the MUI tabs inside pages). */
  const checkWithTabs = async (page: Page, role: string, name: string) => {
    await check(page, role, name);
    await checkAddDialog(page, role, name);
    const tabs = page.locator('main [role="tab"]');
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      if ((await tab.getAttribute('aria-selected')) === 'true' && i === 0) continue;
      const label = ((await tab.textContent()) ?? '').trim();
      await tab.click();
      await check(page, role, `${name} › ${label}`);
      await checkAddDialog(page, role, `${name} › ${label}`);
    }
  };

  /**
   * On a record's page, the dialog that adds a row to one of its lists (an agenda item, an
   * attendance, a membership): opened, checked, and closed again with Escape.
   */
  const checkAddDialog = async (page: Page, role: string, name: string) => {
    if (!page.url().includes('/show')) return;
    const add = page.locator('main').getByRole('button', { name: /^(Lägg till|Add) (?!filter)/ });
    if ((await add.count()) === 0 || !(await add.first().isVisible()) || (await add.first().isDisabled())) return;
    const label = (await add.first().innerText()).trim();
    await add.first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 20000 });
    await check(page, role, `${name} › dialog ${label}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 20000 });
  };

  const signInAs = async (user: RegExp, english = false): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: user }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    if (english) {
      // The language menu in the app bar, as a user switches; react-admin keeps the choice.
      await page.locator('header').getByRole('button', { name: 'Svenska' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    return page;
  };

  it('the sign-in page and the accessibility statement, signed out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: /\(admin\.uddevalla\)/ }).waitFor({ timeout: 20000 });
    await check(page, 'signed-out', 'Logga in');
    await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await page.getByRole('heading', { level: 1, name: /Tillgänglighetsredogörelse/ }).waitFor({ timeout: 20000 });
    await check(page, 'signed-out', 'Tillgänglighetsredogörelse');
    await page.close();
  });

  for (const { role, user, english } of ROLES) {
    it(`every page and tab a ${role} reaches`, async () => {
      const page = await signInAs(user, english);
      const menu = page.locator('.RaSidebar-fixed [role="menuitem"]');
      await menu.first().waitFor({ timeout: 20000 });
      const entries: { name: string; href: string }[] = [];
      for (const item of await menu.all()) entries.push({ name: (await item.innerText()).trim(), href: (await item.getAttribute('href'))! });
      assert.ok(entries.length >= 3, `${role} has a menu`);

      await page.goto(`${t.url}/admin/#/`);
      await checkWithTabs(page, role, english ? 'Home' : 'Startsida');
      for (const entry of entries) {
        await page.goto(`${t.url}/admin/${entry.href}`);
        await page.locator('main').first().waitFor({ timeout: 20000 });
        await checkWithTabs(page, role, entry.name);
        const resource = /^#\/([a-z-]+)$/.exec(entry.href)?.[1];
        if (!resource) continue;
        const create = page.locator(`main a[href="#/${resource}/create"]`);
        const row = page.locator('main table tbody tr.RaDataTable-clickableRow, main table tbody tr.RaDatagrid-clickableRow');
        await settled(page);
        if ((await row.count()) > 0) {
          await row.first().click();
          await page.waitForURL((u) => !u.hash.endsWith(`#/${resource}`), { timeout: 20000 });
          await page.locator('main').first().waitFor({ timeout: 20000 });
          const isShow = /\/show/.test(page.url());
          await checkWithTabs(page, role, `${entry.name} › ${isShow ? 'visa' : 'redigera'}`);
          if (isShow) {
            const edit = page.locator(`main a[href^="#/${resource}/"]:not([href*="/show"]):not([role="tab"])`).first();
            if ((await edit.count()) > 0) {
              await edit.click();
              await page.waitForURL((u) => !/\/show/.test(u.hash), { timeout: 20000 });
              await checkWithTabs(page, role, `${entry.name} › redigera`);
            }
          }
          await page.goto(`${t.url}/admin/${entry.href}`);
          await settled(page);
        }
        if ((await create.count()) > 0) {
          await create.first().click();
          await page.waitForURL((u) => u.hash.endsWith('/create'), { timeout: 20000 });
          await checkWithTabs(page, role, `${entry.name} › skapa`);
        }
      }
      await page.close();
    }, 900_000);
  }

  /** Opens a dialog with `open`, checks it, and leaves it with `leave` (Escape unless told). */
  const checkDialog = async (page: Page, role: string, name: string, open: () => Promise<unknown>, leave?: () => Promise<unknown>) => {
    await open();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 20000 });
    await check(page, role, name);
    if (leave) await leave();
    else await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 20000 });
  };

  it('the dialogs a secretary meets: convening, cancelling, sending links, handing a link over', async () => {
    const page = await signInAs(/\(sekreterare\.uddevalla\)/);
    const meeting = `${t.url}/admin/#/meetings/${demoId('uddevalla:meeting:bun-next')}/show`;
    await page.goto(meeting);
    const setStatus = (status: string) => page.getByRole('button', { name: `Sätt till ”${status}”` });
    await setStatus('Kallat').waitFor({ timeout: 20000 });
    await checkDialog(page, 'secretary', 'Sammanträde › dialogen Sätt till Inställt', () => setStatus('Inställt').click());
    await checkDialog(
      page,
      'secretary',
      'Sammanträde › dialogen Kalla till sammanträdet',
      async () => {
        await setStatus('Kallat').click();
        await page.getByTestId('convene-preview').waitFor({ timeout: 20000 });
      },
      () =>
        page
          .getByRole('dialog')
          .getByRole('button', { name: /^Kalla$/ })
          .click(),
    );
    await page.getByText('Sammanträdets status är nu ”Kallat”').waitFor({ timeout: 20000 });

    await page.goto(`${meeting}/rooms`);
    await page.reload();
    const links = page.getByTestId('join-links');
    await links.getByTestId('join-link-row').first().waitFor({ timeout: 30000 });
    await checkDialog(page, 'secretary', 'Grupprum och länkar › dialogen Skicka länkar nu', () =>
      page.getByRole('button', { name: 'Skicka länkar nu' }).click(),
    );
    await checkDialog(
      page,
      'secretary',
      'Grupprum och länkar › dialogen Lämna över',
      () =>
        links
          .getByRole('button', { name: /^Lämna över: / })
          .first()
          .click(),
      () => page.getByRole('dialog').getByRole('button', { name: 'Lämna över', exact: true }).click(),
    );
    await links.getByTestId('hand-over').waitFor({ timeout: 20000 });
    await check(page, 'secretary', 'Grupprum och länkar › länken att lämna över');
    await page.close();
  }, 300_000);

  it('found no WCAG 2.1 A/AA violation and no raw code on any page it visited', () => {
    const list = visits.map((v) => `${v.role.padEnd(12)} ${v.page}  (${v.url})`).join('\n');
    console.log(`Visited ${visits.length} pages and tabs:\n${list}`);
    assert.ok(visits.length > 40, 'the walk reached the pages');
    for (const dialog of ['Kalla till sammanträdet', 'Skicka länkar nu', 'Lämna över', 'länken att lämna över'])
      assert.ok(
        visits.some((v) => v.page.includes(dialog)),
        `checked ${dialog}`,
      );
    for (const r of ['signed-out', ...ROLES.map((x) => x.role)])
      assert.ok(
        visits.some((v) => v.role === r),
        `visited as ${r}`,
      );
    const failures = visits
      .filter((v) => v.violations.length || v.rawCodes.length)
      .map(
        (v) =>
          `${v.role} ${v.page} (${v.url}):\n` +
          v.violations
            .map(
              (x) =>
                `  axe ${x.id} (${x.impact}): ${x.help}\n${x.nodes
                  .slice(0, 3)
                  .map((n) => `    ${n.target.join(' ')} ${n.html}`)
                  .join('\n')}`,
            )
            .join('\n') +
          (v.rawCodes.length ? `\n  raw codes on screen: ${v.rawCodes.join(', ')}` : ''),
      );
    assert.equal(failures.length, 0, failures.join('\n'));
  });
});
