// `npm test`: format check, lint, type-check, unit, component, end-to-end and browser tests
// (Jest) against real Postgres and Redis. The last line is the total: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bin, ensureDependencies, portOpen, ROOT, run, step, waitForPort } from './lib.mjs';

const CHROMIUM = '/usr/bin/chromium';

async function ensurePostgres() {
  if (process.env.TEST_DATABASE_SERVER_URL || (await portOpen(5432))) return;
  step('PostgreSQL is not running on 127.0.0.1:5432: starting the local cluster');
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  for (const v of versions) spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start'], { stdio: 'inherit' });
  if (!(await waitForPort(5432))) {
    console.error('✖ No PostgreSQL on 127.0.0.1:5432. Install one (apt-get install postgresql) or set TEST_DATABASE_SERVER_URL.');
    process.exit(1);
  }
}

async function ensureRedis() {
  if (process.env.REDIS_URL || (await portOpen(6379))) return;
  step('Redis is not running on 127.0.0.1:6379: starting redis-server');
  spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'], { stdio: 'inherit' });
  if (!(await waitForPort(6379))) {
    console.error('✖ No Redis on 127.0.0.1:6379. Install one (apt-get install redis-server) or set REDIS_URL.');
    process.exit(1);
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  step("Installing Debian's chromium for the browser tests");
  if (process.getuid?.() !== 0) {
    console.error(`✖ ${CHROMIUM} is missing; install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
}

// Projects whose `test` target writes Jest's JSON results (restored by Nx from its cache
// when the project is unchanged, so the totals below always cover every test).
const RESULT_FILES = ['libs/rules', 'apps/api', 'apps/admin', 'test'].map((dir) => join(ROOT, dir, 'test-results/jest.json'));

/** Like run(), but records a failure and carries on so the summary still comes last. */
const failures = [];
function check(title, cmd, args, opts = {}) {
  step(title);
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (res.status !== 0) failures.push(title);
}

ensureDependencies();
await Promise.all([ensurePostgres(), ensureRedis()]);
ensureChromium();

const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
check('Formatting (Prettier)', bin('prettier'), ['--check', '--cache', '--log-level', 'warn', '.']);
check('Lint of the root scripts (the projects lint through Nx)', bin('eslint'), ['--max-warnings', '0', 'scripts', '*.js', '*.mjs']);
for (const file of RESULT_FILES) rmSync(file, { force: true });
// Each project's build, lint, typecheck and test run through Nx: a project whose inputs did
// not change is served from the cache in .nx/ instead of being rebuilt or retested.
check(
  'Build, lint, type-check and test every project (Nx, cached)',
  bin('nx'),
  ['run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static'],
  { env: nxEnv },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of RESULT_FILES) {
  if (!existsSync(file)) {
    // The project's tests never ran (e.g. its build failed): that is a failure too.
    console.error(`✖ no test results in ${relative(ROOT, file)}`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  skipped += r.numPendingTests + r.numTodoTests;
}
if (failures.length) console.error(`\n✖ failed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed || failures.length ? 1 : 0);
