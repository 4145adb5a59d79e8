// `npm test`: lint, type-check, unit, end-to-end and browser tests against real Postgres and Redis.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bin, build, ensureDependencies, portOpen, ROOT, run, step, waitForPort } from './lib.mjs';

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

function specFiles(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => pattern.test(f) && !f.includes('node_modules'))
    .map((f) => relative(ROOT, join(dir, f)))
    .sort();
}

ensureDependencies();
await Promise.all([ensurePostgres(), ensureRedis()]);
ensureChromium();

step('Lint (ESLint with Nx module boundaries)');
const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' };
// The boundaries rule reads Nx's project graph; computing it once here keeps the rule active.
run(bin('nx'), ['show', 'projects'], { env: nxEnv, stdio: 'ignore' });
run(bin('eslint'), ['--max-warnings', '0', '.'], { env: nxEnv });
build();
step('Type-checking the admin');
run(bin('tsc'), ['-p', 'apps/admin/tsconfig.json', '--noEmit']);

const unit = [...specFiles(join(ROOT, 'libs'), /dist\/.*\.spec\.js$/), ...specFiles(join(ROOT, 'apps/api/dist'), /\.spec\.js$/)];
// Deployment checks (Terraform, realm, image): no services needed.
const infra = specFiles(join(ROOT, 'test/dist/infra'), /\.spec\.js$/);
const e2e = specFiles(join(ROOT, 'test/dist'), /\.e2e-spec\.js$/);
step(`Tests: ${unit.length} unit files, ${infra.length} deployment checks, ${e2e.length} end-to-end files`);
run(process.execPath, ['--test', '--test-reporter=spec', ...unit, ...infra, ...e2e], { env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
