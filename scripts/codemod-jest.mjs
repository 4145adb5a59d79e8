#!/usr/bin/env node
// Converts node:test files to Jest globals. Usage: node scripts/codemod-jest.mjs [files or dirs…]
// (no arguments: every *.spec.ts / *.e2e-spec.ts under libs, apps/api/src and test).
// Idempotent: files that no longer import 'node:test' are left alone. Assertions
// (node:assert/strict) stay as they are; they work inside Jest.
//
// What it rewrites:
//   import { after, before, describe, it } from 'node:test'  → import { afterAll, beforeAll, describe, it } from '@jest/globals'
//   before(…) / after(…)                                     → beforeAll(…) / afterAll(…)
//   it('name', { timeout: N }, fn)                            → it('name', fn, N)   (also for test/describe-less `test`)
//   test(…) from node:test                                   → it(…)
// It refuses (prints and exits 1) on node:test APIs that have no mechanical equivalent
// (the `t` context, mock, skip/todo options), so nothing is silently lost.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RENAME = { before: 'beforeAll', after: 'afterAll', test: 'it' };
const KNOWN = new Set(['describe', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach']);

function walk(path, out) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return out;
  if (st.isFile()) {
    if (/\.(ts|tsx|mts|js|mjs)$/.test(path)) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    walk(join(path, entry), out);
  }
  return out;
}

/** Finds the index just past the call argument that starts at `start` (a balanced `{…}` object). */
function balancedEnd(src, start) {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Moves `it(name, { timeout: N }, fn)` options to Jest's third argument. */
function moveTimeouts(src) {
  const re = /\b(it|describe)\((\s*(['"`])(?:\\.|(?!\3).)*\3\s*),\s*\{\s*timeout:\s*([\d_]+)\s*\}\s*,/g;
  let out = '';
  let last = 0;
  let m;
  while ((m = re.exec(src))) {
    const fnStart = m.index + m[0].length;
    // The test body runs until the call's closing parenthesis.
    const callOpen = m.index + m[1].length;
    const callEnd = balancedEnd(src, callOpen);
    if (callEnd < 0) continue;
    const body = src.slice(fnStart, callEnd - 1).replace(/\s*$/, '');
    out += src.slice(last, m.index) + `${m[1]}(${m[2]},${body}, ${m[4]})`;
    last = callEnd;
    re.lastIndex = callEnd;
  }
  return out + src.slice(last);
}

export function convert(src, file = '<source>') {
  const importRe = /import\s*\{([^}]*)\}\s*from\s*['"]node:test['"];?/;
  const m = importRe.exec(src);
  if (!m) return null;
  const names = m[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !KNOWN.has(n));
  const problems = [];
  if (unknown.length) problems.push(`imports ${unknown.join(', ')} from node:test`);
  if (/\b(it|test|describe)\([^)]*,\s*(async\s*)?\(\s*t\s*\)\s*=>/.test(src)) problems.push('uses the test context `t`');
  if (/\{\s*(skip|todo|only|concurrency)\s*:/.test(src)) problems.push('uses skip/todo/only/concurrency options');
  if (problems.length) {
    console.error(`✖ ${file}: ${problems.join('; ')} — convert by hand`);
    return undefined;
  }
  const jestNames = [...new Set(names.map((n) => RENAME[n] ?? n))].sort();
  let out = src.replace(importRe, `import { ${jestNames.join(', ')} } from '@jest/globals';`);
  for (const [from, to] of Object.entries(RENAME)) {
    if (!names.includes(from)) continue;
    // Only calls at the start of a statement, so e.g. `arr.before(` or `'before('` in strings stay.
    out = out.replace(new RegExp(`(^|[\\n;{}]\\s*)${from}\\(`, 'g'), `$1${to}(`);
  }
  return moveTimeouts(out);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const args = process.argv.slice(2);
  const roots = args.length ? args : ['libs', 'apps/api/src', 'test'];
  const files = roots.flatMap((r) => walk(r, [])).filter((f) => (args.length ? true : /\.(e2e-)?spec\.ts$/.test(f)));
  let changed = 0;
  let failed = 0;
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const out = convert(src, file);
    if (out === undefined) failed++;
    if (!out || out === src) continue;
    writeFileSync(file, out);
    changed++;
    console.log(`converted ${file}`);
  }
  console.log(`${changed} file(s) converted, ${failed} need a hand conversion`);
  process.exit(failed ? 1 : 0);
}
