import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rules DOS-lagen points at: WCAG 2.1 level A and AA (EN 301 549). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

/**
 * Runs axe-core in the page against WCAG 2.1 A/AA. The member's page forbids inline scripts
 * (CSP), so axe goes in through Playwright's isolated evaluation, never a <script> tag.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // A button that has just become enabled fades from grey to its colour over MUI's 250 ms
  // transition; axe sampling it half-way reports a contrast the user never sees at rest.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, {
      timeout: 5000,
    })
    .catch(() => undefined);
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!injected) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> } }).axe;
    // The wait above cannot see a transition that starts after it (a form re-rendering its save
    // button, say): while axe runs, colours are what they are at rest. A constructed style sheet,
    // since the pages' CSP allows no inline <style>.
    const still = new CSSStyleSheet();
    still.replaceSync('*, *::before, *::after { transition: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, still];
    for (const a of document.getAnimations()) if (a.effect?.getTiming().iterations !== Infinity) a.finish();
    const result = await axe
      .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .finally(() => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== still)));
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target.map(String), html: String(n.html).slice(0, 300), summary: String(n.failureSummary ?? '') })),
    }));
  }, WCAG_21_AA);
}

/**
 * Every GraphQL enum value in schema.graphql, so the page check knows what a raw value looks
 * like even when it has no underscore ("COUNCIL", "ABSENT").
 */
export function schemaEnumValues(): string[] {
  const schema = readFileSync(join(REPO_ROOT, 'schema.graphql'), 'utf8');
  const values = new Set<string>();
  for (const block of schema.matchAll(/^enum \w+ \{([\s\S]*?)^\}/gm)) {
    const body = block[1]!.replace(/"""[\s\S]*?"""/g, '');
    for (const m of body.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*$/gm)) values.add(m[1]!);
  }
  return [...values];
}

/**
 * Words on screen that look like an internal code rather than Swedish: SCREAMING_CASE codes,
 * snake_case keys (`jitsi_meet`, `closed_vote`), kebab-case module keys
 * (`remote-participation-basics`), schema enum values, and the placeholders an unlabelled
 * value used to fall back to. Text inside an element marked `data-code`, or a `<code>`, is a
 * deliberate secondary detail (a finding's code beside its Swedish message, a file's column
 * names) and is not counted.
 */
export async function rawCodesOnScreen(page: Page, enumValues: readonly string[]): Promise<string[]> {
  return page.evaluate((values) => {
    const known = new Set(values.filter((v) => v.length >= 4));
    const patterns = [
      /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
      /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g,
      /\b[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}\b/g,
      /\b[A-Z]{4,}\b/g,
      /\b(?:okänt fel|unknown error|Registrerad av: demo)\b/gi,
      // Lower-case codes that are plain English words: an item kind, a body type, a platform key.
      // In the English admin those words are the language itself ("the committee decides"), so
      // there only the platform keys, which are names and never written in lower case, count.
      document.documentElement.lang.startsWith('en')
        ? /\b(?:teams|zoom|lifesize|quickchannel)\b/g
        : /\b(?:confidential|personnel|election|council|committee|presidium|deputy|teams|zoom|lifesize|quickchannel)\b/g,
    ];
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[data-code], code, script, style, noscript, [aria-hidden="true"]')) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const text = node.textContent ?? '';
      for (const pattern of patterns) {
        for (const m of text.matchAll(pattern)) {
          const word = m[0];
          if (pattern.source.startsWith('\\b[A-Z]{4,}') && !known.has(word)) continue;
          found.add(word);
        }
      }
    }
    return [...found];
  }, enumValues as string[]);
}

/** Waits until nothing is loading: no spinner or indeterminate bar (a bar that shows a figure stays). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('.MuiLinearProgress-indeterminate, .MuiCircularProgress-indeterminate, .MuiSkeleton-root').length === 0,
    undefined,
    { timeout: 20000 },
  );
  // MUI's transitions (tabs' indicator, fades) end within a few hundred milliseconds.
  await page.waitForTimeout(400);
}
