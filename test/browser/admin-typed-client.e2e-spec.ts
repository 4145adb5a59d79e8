import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';

const ADMIN = join(REPO_ROOT, 'apps/admin');
const bin = (name: string) => join(REPO_ROOT, 'node_modules', '.bin', name);

/**
 * A copy of the admin's sources (without generated output) beside a schema of our choosing,
 * with the workspace's node_modules linked in: codegen and tsc then run exactly as
 * `npm test` runs them, against that schema.
 */
function adminAgainst(schema: string): { codegen: () => ReturnType<typeof spawnSync>; typecheck: () => ReturnType<typeof spawnSync> } {
  const root = mkdtempSync(join(tmpdir(), 'motesplats-admin-schema-'));
  dirs.push(root);
  const admin = join(root, 'apps/admin');
  mkdirSync(admin, { recursive: true });
  cpSync(join(ADMIN, 'src'), join(admin, 'src'), { recursive: true, filter: (src) => !src.startsWith(join(ADMIN, 'src/gql')) });
  for (const file of ['codegen.ts', 'tsconfig.json', 'package.json']) cpSync(join(ADMIN, file), join(admin, file));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(ADMIN, 'node_modules'), join(admin, 'node_modules'));
  writeFileSync(join(root, 'schema.graphql'), schema);
  // Jest sets NODE_ENV=test, under which codegen prints no validation details.
  const opts = { cwd: admin, encoding: 'utf8' as const, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', NODE_ENV: 'development' } };
  return {
    codegen: () => spawnSync(bin('graphql-codegen'), ['--config', 'codegen.ts'], opts),
    typecheck: () => spawnSync(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], opts),
  };
}
const dirs: string[] = [];

/** Replaces exactly one occurrence, so a test never mutates something it did not mean to. */
function mutate(schema: string, from: RegExp, to: string): string {
  assert.equal([...schema.matchAll(new RegExp(from.source, `${from.flags}g`))].length, 1, `exactly one ${from} in schema.graphql`);
  return schema.replace(from, to);
}

describe("the admin's typed client follows schema.graphql", () => {
  let schema: string;
  beforeAll(() => {
    schema = readFileSync(join(REPO_ROOT, 'schema.graphql'), 'utf8');
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("fails the admin's type-check when an enum value of the API changes", () => {
    // The API renames a meeting status: IN_PROGRESS becomes ONGOING.
    const renamed = mutate(schema, /^ {2}IN_PROGRESS$/m, '  ONGOING');
    const admin = adminAgainst(renamed);
    const generated = admin.codegen();
    assert.equal(generated.status, 0, `codegen runs: ${generated.stderr}${generated.stdout}`);
    const checked = admin.typecheck();
    assert.notEqual(checked.status, 0, 'tsc must refuse the admin against the renamed value');
    const out = `${checked.stdout}${checked.stderr}`;
    // Where the admin names every status in its display order (choices.ts): the old name is
    // no status any more, and the new one is missing.
    assert.match(out, /src\/choices\.ts\(\d+,\d+\): error TS\d+:[^\n]*IN_PROGRESS/);
    assert.match(out, /ONGOING/);
  });

  it('fails codegen when a query asks for a field the API no longer has', () => {
    // The API drops Meeting.nextStatuses, which the status buttons rely on.
    const dropped = mutate(schema, /^ {2}"""The statuses this meeting can move to now"""\n {2}nextStatuses: \[MeetingStatus!\]!\n/m, '');
    const generated = adminAgainst(dropped).codegen();
    assert.notEqual(generated.status, 0);
    assert.match(`${generated.stdout}${generated.stderr}`, /Cannot query field "nextStatuses" on type "Meeting"/);
  });
});
