// `npm run bench`: builds, then runs every benchmark in bench/ one after another (they
// compete for the same two cores otherwise). Each prints its own figures and ratios.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureDependencies, ROOT, run, step } from './lib.mjs';

ensureDependencies();
build(['@motesplats/bench']);
const dir = join(ROOT, 'bench/dist');
const only = process.argv[2];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js') && (!only || f.includes(only)))
  .sort()) {
  step(`bench/${file.replace(/\.js$/, '.ts')}`);
  run(process.execPath, [join(dir, file)], { env: { ...process.env, LOG_LEVEL: 'warn' } });
}
