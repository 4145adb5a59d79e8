import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { Meeting } from '@motesplats/api/meetings/meeting.entity.js';
import { AgendaItem } from '@motesplats/api/meetings/agenda-item.entity.js';
import { APP_DATA_SOURCE } from '@motesplats/api/database/database.tokens.js';
import type { DataSource } from 'typeorm';
import { errorCode, gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';

const A = 'uddevalla';
const B = 'trollhattan';

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('tenant isolation (row-level security)', () => {
  let t: TestApp;
  let tokenA: string;
  let tokenB: string;
  let meetingOfB: { id: string; title: string };

  beforeAll(async () => {
    t = await startTestApp();
    tokenA = t.realm.token(A, ['tenant-admin']);
    tokenB = t.realm.token(B, ['tenant-admin']);
    const res = await gql(t.url, tokenB, '{ meetings(filter: { status: PLANNED }, perPage: 1) { items { id title } } }');
    meetingOfB = res.data!.meetings.items[0];
  });
  afterAll(() => t.close());

  it('enables and forces RLS on every table that has tenant_id', async () => {
    const rows = await query<{ table_name: string; rls: boolean; forced: boolean }>(
      t.ownerUrl,
      `select c.table_name, k.relrowsecurity as rls, k.relforcerowsecurity as forced
         from information_schema.columns c
         join pg_class k on k.relname = c.table_name and k.relkind = 'r'
        where c.column_name = 'tenant_id' and c.table_schema = 'public'`,
    );
    assert.ok(rows.length >= 8, `expected the tenant tables, got ${rows.map((r) => r.table_name)}`);
    for (const r of rows) {
      assert.equal(r.rls, true, `${r.table_name} has RLS enabled`);
      assert.equal(r.forced, true, `${r.table_name} has RLS forced`);
    }
  });

  it("puts tenant_id first in every tenant table's primary key", async () => {
    const rows = await query<{ table_name: string; first: string }>(
      t.ownerUrl,
      `select k.relname as table_name, a.attname as first
         from pg_index i join pg_class k on k.oid = i.indrelid
         join pg_attribute a on a.attrelid = k.oid and a.attnum = i.indkey[0]
        where i.indisprimary and k.relnamespace = 'public'::regnamespace
          and exists (select 1 from information_schema.columns c where c.table_name = k.relname and c.column_name = 'tenant_id')`,
    );
    assert.ok(rows.length >= 8);
    for (const r of rows) assert.equal(r.first, 'tenant_id', r.table_name);
  });

  it('connects the API as a role that is neither superuser nor BYPASSRLS and owns nothing', async () => {
    const [role] = await query<{ rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
      t.appDatabaseUrl,
      `select rolsuper, rolbypassrls,
              (select count(*) from pg_class where relowner = r.oid or relowner in
                 (select roleid from pg_auth_members where member = r.oid))::text as owned
         from pg_roles r where rolname = current_user`,
    );
    assert.deepEqual(role, { rolsuper: false, rolbypassrls: false, owned: '0' });
  });

  it('shows nothing to a query that sets no tenant', async () => {
    const [all] = await query<{ n: string }>(t.ownerUrl, 'select count(*)::text as n from meeting');
    assert.ok(Number(all!.n) > 0, 'the demo has meetings');
    const [none] = await query<{ n: string }>(t.appDatabaseUrl, 'select count(*)::text as n from meeting');
    assert.equal(none!.n, '0');
  });

  it('forgets the tenant when the transaction ends, so pooled connections never leak it', async () => {
    const db = t.app.get(TenantDb);
    const dataSource = t.app.get<DataSource>(APP_DATA_SOURCE);
    const seen = await db.run(tenantOf(A), (em) => em.getRepository(Meeting).count());
    assert.ok(seen > 0);
    // The pool hands out the same connections again; outside a tenant transaction they see nothing.
    const after = await Promise.all(Array.from({ length: 5 }, () => dataSource.query('select count(*)::int as n from meeting')));
    for (const [row] of after) assert.equal(row.n, 0);
  });

  it('bounds a raw repository call that forgets its WHERE to the current tenant', async () => {
    const db = t.app.get(TenantDb);
    const rows = await db.run(tenantOf(A), (em) => em.getRepository(Meeting).find());
    assert.ok(rows.length > 0);
    assert.ok(rows.every((m) => m.tenantId === tenantOf(A)));

    const updated = await db.run(tenantOf(A), (em) => em.getRepository(Meeting).update({ id: meetingOfB.id }, { title: 'Kapad' }));
    assert.equal(updated.affected, 0);
    const deleted = await db.run(tenantOf(A), (em) => em.getRepository(AgendaItem).delete({ meetingId: meetingOfB.id }));
    assert.equal(deleted.affected, 0);
    const everything = await db.run(tenantOf(A), (em) => em.createQueryBuilder().update(Meeting).set({ place: 'Kapad' }).execute());
    assert.ok((everything.affected ?? 0) > 0, 'touches only its own meetings');

    await assert.rejects(
      db.run(tenantOf(A), (em) =>
        em
          .getRepository(Meeting)
          .insert({ ...meetingOfB, id: '00000000-0000-4000-8000-00000000000b', tenantId: tenantOf(B), bodyId: rows[0]!.bodyId } as never),
      ),
      /row-level security/,
    );
    const [b] = await query<{ title: string; place: string }>(t.ownerUrl, 'select title, place from meeting where id = $1', [meetingOfB.id]);
    assert.equal(b!.title, meetingOfB.title);
    assert.notEqual(b!.place, 'Kapad');
  });

  it("refuses to read, update or delete another municipality's rows by id through GraphQL", async () => {
    const read = await gql(t.url, tokenA, 'query($id: ID!) { meeting(id: $id) { id title } }', { id: meetingOfB.id });
    assert.equal(read.data!.meeting, null);

    const update = await gql(t.url, tokenA, 'mutation($id: ID!) { updateMeeting(id: $id, input: { title: "Kapad" }) { id } }', { id: meetingOfB.id });
    assert.equal(errorCode(update), 'NOT_FOUND');

    const del = await gql(t.url, tokenA, 'mutation($id: ID!) { deleteMeeting(id: $id) }', { id: meetingOfB.id });
    assert.equal(errorCode(del), 'NOT_FOUND');

    const item = await gql(t.url, tokenA, 'mutation($m: ID!) { createAgendaItem(input: { meetingId: $m, number: 99, title: "Smuggel" }) { id } }', {
      m: meetingOfB.id,
    });
    assert.equal(errorCode(item), 'BAD_USER_INPUT');

    const list = await gql(t.url, tokenA, 'query($ids: [ID!]) { meetings(filter: { ids: $ids }) { total } }', { ids: [meetingOfB.id] });
    assert.equal(list.data!.meetings.total, 0);

    const own = await gql(t.url, tokenB, 'query($id: ID!) { meeting(id: $id) { title agendaItems { title } } }', { id: meetingOfB.id });
    assert.equal(own.data!.meeting.title, meetingOfB.title);
    assert.ok(own.data!.meeting.agendaItems.every((i: { title: string }) => i.title !== 'Smuggel'));
  });

  it('gives regional coordinators no raw municipal rows', async () => {
    const coordinator = t.realm.token('fyrbodal', ['coordinator']);
    const me = await gql(t.url, coordinator, '{ me { roles municipality { name } region { name } } }');
    assert.deepEqual(me.data!.me.roles, ['coordinator']);
    assert.equal(me.data!.me.municipality, null);
    const meetings = await gql(t.url, coordinator, '{ meetings { total } }');
    assert.equal(errorCode(meetings), 'FORBIDDEN');
    const municipalities = await gql(t.url, coordinator, '{ municipalities(perPage: 100) { total items { name } } }');
    assert.equal(municipalities.data!.municipalities.total, 14);
  });
});
