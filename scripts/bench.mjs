// `npm run bench`: builds, then runs every benchmark in bench/ one after another (they
// compete for the same two cores otherwise), each in its own process with its load generator
// in another. Each benchmark appends its figures, with the baseline measured in the same run,
// to one results file; at the end they are printed as one table.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build, ensureDependencies, ROOT, step } from './lib.mjs';

const started = Date.now();
ensureDependencies();
build(['@motesplats/bench']);
const dir = join(ROOT, 'bench/dist');
const only = process.argv[2];
const scratch = mkdtempSync(join(tmpdir(), 'motesplats-bench-'));
const results = join(scratch, 'results.jsonl');
const failed = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js') && (!only || f.includes(only)))
  .sort()) {
  step(`bench/${file.replace(/\.js$/, '.ts')}`);
  // A benchmark that fails is reported and the others still run: the table says what is missing.
  const res = spawnSync(process.execPath, [join(dir, file)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: 'warn', BENCH_RESULTS: results },
  });
  if (res.status !== 0) failed.push(file);
}

const rows = existsSync(results)
  ? readFileSync(results, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
rmSync(scratch, { recursive: true, force: true });
const fmt = (n) => (n === undefined || n === null ? '–' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
const table = [
  ['benchmark', 'figure', 'value', 'baseline', 'baseline value', 'ratio', 'goal', 'met'],
  ...rows.map((r) => [
    r.benchmark,
    r.figure,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ?? '',
    r.baselineValue === undefined ? '' : `${fmt(r.baselineValue)} ${r.unit}`,
    r.ratio === undefined || r.ratio === null ? '' : r.ratio.toFixed(3),
    r.goal ?? '',
    r.goal ? (r.met ? 'yes' : 'NO') : '',
  ]),
];
step(`Results (${new Date().toISOString()}, node ${process.version}, ${((Date.now() - started) / 60000).toFixed(1)} min in all)`);
console.log(
  table
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n')
    .replace(/^(\|[^\n]*\|)\n/, (first) => `${first}${'|---'.repeat(8)}|\n`),
);
const notes = rows.filter((r) => r.note);
if (notes.length) {
  console.log('');
  for (const r of notes) console.log(`- ${r.benchmark} / ${r.figure}: ${r.note}`);
}
if (failed.length) {
  console.error(`\n✖ failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
