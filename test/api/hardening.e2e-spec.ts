import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { sql } from '../support/sql.js';
import { fixClock } from '../support/fixed-clock.js';
import { issueToken } from '../support/join-links.js';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const A = 'munkedal';

/** Runs statements in one transaction as the given role's connection, rolled back at the end. */
async function inTransaction<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    return await fn(client);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

describe('small hardening items (issue 8, item 9)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.realm.token(A, ['tenant-admin']);
  });
  afterAll(() => t.close());

  it('refuses inherited property names as sortField with BAD_USER_INPUT on every list, not an internal error', async () => {
    for (const list of ['members', 'meetings', 'bodies', 'parties']) {
      for (const field of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
        const res = await gql(t.url, admin, `query($f: String) { ${list}(sortField: $f) { total } }`, { f: field });
        assert.equal(errorCode(res), 'BAD_USER_INPUT', `${list} sorted by ${field}: ${JSON.stringify(res.errors)}`);
      }
    }
    const ok = await gql(t.url, admin, '{ members(sortField: "name") { total } }');
    assert.equal(ok.errors, undefined);
  });

  it('accepts only https://host[:port] as an embedding origin, and never puts a stored bad one into the CSP', async () => {
    const set = (origins: string[]) =>
      gql(t.url, admin, `mutation($o: [String!]) { updateMunicipalitySettings(input: { embedOrigins: $o }) { embedOrigins } }`, { o: origins });
    for (const bad of [
      'https://kommun.se;sandbox',
      'https://*.kommun.se',
      '*',
      "https://kommun.se'",
      'https://kommun.se sandbox',
      'http://kommun.se',
      'https://kommun.se/intra',
      'https://user@kommun.se',
    ]) {
      assert.equal(errorCode(await set([bad])), 'BAD_USER_INPUT', bad);
    }
    const ok = await set(['https://www.kommun.se:8443', 'https://intra.kommun.se/']);
    assert.deepEqual(ok.data!.updateMunicipalitySettings.embedOrigins, ['https://www.kommun.se:8443', 'https://intra.kommun.se']);

    // A row saved before the check was strict.
    await sql(t.ownerUrl, `update municipality_settings set embed_origins = $2 where tenant_id = $1`, [
      tenantOf(A),
      ['https://www.kommun.se', 'https://kommun.se;sandbox', 'https://*.kommun.se'],
    ]);
    const kf = demoId(`${A}:meeting:kf-next`);
    const rooms = await gql(t.url, t.realm.token(A, ['secretary']), `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt } } }`, {
      m: kf,
    });
    const clock = fixClock(t.app);
    try {
      clock.set(new Date(Date.parse(rooms.data!.setUpBreakoutRooms[0].windows[0].opensAt) + 60_000));
      const { token } = await issueToken(t, A, kf, (links) => links.find((l) => l.roomId));
      const page = await fetch(`${t.url}/join/${token}`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy')!, /frame-ancestors https:\/\/www\.kommun\.se$/);
    } finally {
      clock.reset();
    }
  });

  it('does not let the API role create temporary tables', async () => {
    await assert.rejects(sql(t.appDatabaseUrl, 'create temporary table staging (id int)'), /permission denied/);
    const [grant] = await sql<{ temp: boolean }>(t.appDatabaseUrl, `select has_database_privilege(current_user, current_database(), 'TEMPORARY') as temp`);
    assert.equal(grant!.temp, false);
  });

  it('refuses, at database level, a coordinator deleting or withdrawing a published regional module; drafts can still be deleted', async () => {
    const [{ region_id: region }] = await sql<{ region_id: string }>(t.ownerUrl, 'select region_id from municipality where id = $1', [tenantOf(A)]);
    const [published] = await sql<{ id: string }>(
      t.ownerUrl,
      'select id from regional_training_module where region_id = $1 and published_at is not null limit 1',
      [region],
    );
    assert.ok(published, 'the demo has published regional modules');
    const asCoordinator = (fn: (c: pg.Client) => Promise<unknown>) =>
      inTransaction(t.appDatabaseUrl, async (c) => {
        await c.query(`select set_config('app.tenant_id', '', true), set_config('app.region_id', $1, true)`, [region]);
        return fn(c);
      });
    const deleted = await asCoordinator(async (c) => (await c.query('delete from regional_training_module where id = $1', [published!.id])).rowCount);
    assert.equal(deleted, 0, 'the published module is not deletable');
    await assert.rejects(
      asCoordinator((c) => c.query('update regional_training_module set published_at = null where id = $1', [published!.id])),
      /cannot be withdrawn/,
    );
    const [{ n }] = await sql<{ n: number }>(t.ownerUrl, 'select count(*)::int as n from regional_training_module where id = $1 and published_at is not null', [
      published!.id,
    ]);
    assert.equal(n, 1);

    const draftDeleted = await asCoordinator(async (c) => {
      const [columns] = (await c.query(`select key, title from regional_training_module where id = $1`, [published!.id])).rows as {
        key: string;
        title: string;
      }[];
      const id = randomUUID();
      await c.query(
        `insert into regional_training_module (id, key, title, description, audience, kind)
         select $1, $2, title, description, audience, kind from regional_training_module where id = $3`,
        [id, `${columns!.key}-draft-${randomBytes(3).toString('hex')}`, published!.id],
      );
      return (await c.query('delete from regional_training_module where id = $1', [id])).rowCount;
    });
    assert.equal(draftDeleted, 1, 'a draft is still the coordinator’s to delete');
  });

  it('answers a 2 MiB body with 413 and a stable code, without an error in the log', async () => {
    const written: string[] = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    // Recorded and passed on: the test runner writes its own report through the same streams.
    process.stdout.write = ((chunk: unknown, ...rest: never[]) => (written.push(String(chunk)), out(chunk as string, ...rest))) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown, ...rest: never[]) => (written.push(String(chunk)), err(chunk as string, ...rest))) as typeof process.stderr.write;
    let res: Response;
    try {
      res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(2 * 1024 * 1024) } }),
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    assert.equal(res.status, 413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0]!.extensions.code, 'PAYLOAD_TOO_LARGE');
    assert.deepEqual(
      written.filter((line) => /ERROR|FastifyError|\n\s+at /.test(line)),
      [],
    );
  });
});
