import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { type Browser, type Page } from 'playwright-core';
import { adminStaticOptions } from '@motesplats/api/admin-static.js';
import { MAX_PER_PAGE } from '@motesplats/api/common/crud/list-args.js';
import { OVERRIDE_REASON_MIN_LENGTH } from '@motesplats/api/rules/compliance.service.js';
import { TRAINING_VALIDITY_MONTHS_MAX } from '@motesplats/api/training/training.inputs.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { launchChromium } from '../support/chromium.js';
import { sql } from '../support/sql.js';
import { startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

/** The first screen's JavaScript, compressed as sent, must stay below this. */
const FIRST_SCREEN_JS_BUDGET = 300 * 1024;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly the Accept-Encoding given, body as sent (fetch would decompress it). */
const rawGet = (url: string, acceptEncoding: string) =>
  new Promise<Raw>((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });

describe('the admin as delivered by the API', () => {
  let t: TestApp;
  let browser: Browser;
  let dist: string;

  beforeAll(async () => {
    t = await startTestApp({ devSignIn: true });
    dist = t.config.adminDistDir;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  /** A fresh page (empty cache) that tallies every script it is sent, as transferred. */
  const countingPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
    const page = await context.newPage();
    const scripts: { url: string; bytes: number; encoding: string | undefined }[] = [];
    page.on('requestfinished', async (request) => {
      if (!/\.js$/.test(new URL(request.url()).pathname)) return;
      const response = await request.response();
      const sizes = await request.sizes();
      scripts.push({ url: request.url(), bytes: sizes.responseBodySize, encoding: (await response?.allHeaders())?.['content-encoding'] });
    });
    return { page, scripts, close: () => context.close() };
  };
  const total = (scripts: { bytes: number }[]) => scripts.reduce((sum, s) => sum + s.bytes, 0);
  const settle = (page: Page) => page.waitForLoadState('networkidle');

  it('sends the first screen (sign-in) in under 300 kB of compressed JavaScript', async () => {
    const { page, scripts, close } = await countingPage();
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: /admin\.uddevalla/ }).waitFor({ timeout: 20000 });
    await settle(page);
    const bytes = total(scripts);
    console.log(
      `first screen (sign-in): ${scripts.length} scripts, ${(bytes / 1024).toFixed(1)} kB as sent (${[...new Set(scripts.map((s) => s.encoding))].join(', ')})`,
    );
    assert.ok(scripts.length > 1, 'the build is split into chunks');
    assert.ok(
      scripts.every((s) => s.encoding === 'br' || s.encoding === 'gzip' || s.bytes < 1024),
      'every script of any size arrives compressed',
    );
    assert.ok(bytes > 0 && bytes < FIRST_SCREEN_JS_BUDGET, `${bytes} bytes of JavaScript for the first screen`);

    // Signing in opens the start page: its views come as chunks of their own, on demand.
    const before = scripts.length;
    await page.getByRole('button', { name: /admin\.uddevalla/ }).click();
    await page.getByTestId('start-meetings').locator('tbody tr').first().waitFor({ timeout: 20000 });
    await settle(page);
    const startChunks = scripts.slice(before);
    assert.ok(
      startChunks.some((s) => /StartPage-/.test(s.url)),
      'the start page is a lazily loaded chunk',
    );
    console.log(`start page after sign-in: ${(total(scripts) / 1024).toFixed(1)} kB in all (${(total(startChunks) / 1024).toFixed(1)} kB more)`);
    await close();
  });

  it('serves hashed assets precompressed by Accept-Encoding, cached for good; index.html revalidated', async () => {
    const js = readdirSync(join(dist, 'assets')).find((f) => /^index-[\w-]+\.js$/.test(f));
    assert.ok(js, 'the entry chunk');
    const url = `${t.url}/admin/assets/${js}`;
    const original = readFileSync(join(dist, 'assets', js));

    const br = await rawGet(url, 'gzip, deflate, br');
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.ok(br.body.length < original.length / 3, 'brotli shrinks the chunk');
    assert.ok(brotliDecompressSync(br.body).equals(original));

    const gz = await rawGet(url, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(original));

    const plain = await rawGet(url, 'identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(original));

    const index = await rawGet(`${t.url}/admin/`, 'br');
    assert.equal(index.status, 200);
    assert.equal(index.headers['cache-control'], 'no-cache');
    assert.match(readFileSync(join(dist, 'index.html'), 'utf8'), new RegExp(js.replace(/[.-]/g, '\\$&')));
  });

  it('serves no source maps in production (and does outside it)', async () => {
    const map = readdirSync(join(dist, 'assets')).find((f) => f.endsWith('.js.map'));
    assert.ok(map, 'the build emits source maps for local debugging');
    const serve = async (production: boolean) => {
      const app = Fastify();
      await app.register(fastifyStatic, adminStaticOptions(dist, production));
      const res = await app.inject({ method: 'GET', url: `/admin/assets/${map}`, headers: { 'accept-encoding': 'br, gzip' } });
      await app.close();
      return res.statusCode;
    };
    assert.equal(await serve(true), 404);
    assert.equal(await serve(false), 200);
  });

  it("tells clients the API's limits", async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: /admin\.uddevalla/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    const limits = await page.evaluate(async () => {
      const token = sessionStorage.getItem('motesplats.accessToken');
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: '{ limits { maxPerPage overrideReasonMinLength trainingValidityMonthsMax } }' }),
      });
      return (await res.json()) as { data?: { limits: Record<string, number> } };
    });
    assert.deepEqual(limits.data?.limits, {
      maxPerPage: MAX_PER_PAGE,
      overrideReasonMinLength: OVERRIDE_REASON_MIN_LENGTH,
      trainingValidityMonthsMax: TRAINING_VALIDITY_MONTHS_MAX,
    });
    await page.close();
  });

  it("offers exactly the API's next statuses: no cancelling a meeting in progress or in recess", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${t.url}/admin/`);
    await page.getByRole('button', { name: /admin\.uddevalla/ }).click();
    await page.getByTestId('tenant-badge').waitFor({ timeout: 20000 });
    const statusButtons = async (key: string) => {
      await page.goto(`${t.url}/admin/#/meetings/${demoId(`uddevalla:meeting:${key}`)}/show`);
      const section = page.locator('section[aria-labelledby="meeting-status-heading"]');
      await section.waitFor({ timeout: 20000 });
      await section.getByRole('button').first().waitFor({ timeout: 20000 });
      return (await section.getByRole('button').allInnerTexts()).map((s) => s.trim().toLowerCase());
    };

    assert.deepEqual(await statusButtons('ks-next'), ['sätt till ”kallat”', 'sätt till ”inställt”'], 'a planned meeting can still be cancelled');

    await sql(t.ownerUrl, `update meeting set status = 'in_progress' where tenant_id = $1 and id = $2`, [
      tenantOf('uddevalla'),
      demoId('uddevalla:meeting:bun-next'),
    ]);
    assert.deepEqual(await statusButtons('bun-next'), ['sätt till ”ajournerat”', 'sätt till ”avslutat”']);

    await sql(t.ownerUrl, `update meeting set status = 'recess' where tenant_id = $1 and id = $2`, [
      tenantOf('uddevalla'),
      demoId('uddevalla:meeting:sn-next'),
    ]);
    assert.deepEqual(await statusButtons('sn-next'), ['sätt till ”pågår”', 'sätt till ”avslutat”']);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
