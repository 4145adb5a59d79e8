import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { EntityManager, EntityMetadata, SelectQueryBuilder } from 'typeorm';
import { SortOrder, type ListArgs, type PageResult } from '../common/crud/list-args.js';
import type { Selection } from '../common/crud/selection.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Attendance } from './attendance.entity.js';
import type { Meeting } from './meeting.entity.js';
import { Body } from '../bodies/bodies.public.js';
import { Member } from '../members/members.public.js';

/** A meeting of the list, with what it was read with when the query asked for it. */
export type ListedMeeting = Meeting & { body?: Body | null; agendaItems?: AgendaItem[]; attendances?: ListedAttendance[] };
/** An attendance of the list, with its member when the query asked for it. */
export type ListedAttendance = Attendance & { member?: Member | null };

/** A row another one points at, read with it: `field` is the GraphQL field, `key` the foreign key's property. */
interface Reference {
  field: string;
  entity: typeof Body | typeof Member;
  key: string;
}

/** The collections of a meeting that the list reads in its own statement, each in the order the field promises. */
const NESTED: { field: 'agendaItems' | 'attendances'; entity: typeof AgendaItem | typeof Attendance; orderBy: string[]; references: Reference[] }[] = [
  { field: 'agendaItems', entity: AgendaItem, orderBy: ['number', 'id'], references: [] },
  { field: 'attendances', entity: Attendance, orderBy: ['created_at', 'id'], references: [{ field: 'member', entity: Member, key: 'memberId' }] },
];
const BODY: Reference = { field: 'body', entity: Body, key: 'bodyId' };

/**
 * A page of the meetings list in one statement: the page, its total, and — when the query asks
 * for them — every meeting's body, agenda items, and attendance with each attendance's member,
 * as JSON (issue 12: a council's page of 50 meetings holds a thousand agenda items, and the
 * administrator opens it all day). A read model across capabilities (bodies, members): see
 * ../README.md, "Read models".
 *
 * Of a nested row it reads the columns the query selects, and the rows it points at that the
 * query asks for (an attendance's member); when the query asks for a field that is neither (one
 * another capability resolves), it reads the whole row, so a field resolver never meets a
 * partial one. Timestamps travel as epoch milliseconds and become
 * Dates here: reading timestamptz text was the largest single cost of the rows before.
 *
 * `filtered` is the list's query (filters and order, not paged) as CrudService builds it.
 */
export async function readMeetingPage(
  em: EntityManager,
  filtered: SelectQueryBuilder<Meeting>,
  args: ListArgs,
  sortColumn: string,
  items: Selection = {},
): Promise<PageResult<ListedMeeting>> {
  const meta = filtered.expressionMap.mainAlias!.metadata;
  const alias = filtered.alias;
  const own = meta.columns.map((c) => `${value(c.type, `"${alias}"."${c.databaseName}"`)} as "${c.propertyName}"`).join(', ');
  const page = filtered
    .select(own)
    .addSelect('count(*) over ()', '__total')
    .offset((args.page - 1) * args.perPage)
    .limit(args.perPage);
  const [inner, parameters] = page.getQueryAndParameters();

  const nested: { field: string; sql: string; revive: Revive }[] = NESTED.filter((n) => items[n.field]).map((n) => {
    const m = em.connection.getMetadata(n.entity);
    const row = jsonRow(em, m, 'n', items[n.field]!, n.references);
    const order = n.orderBy.map((c) => `n."${c}"`).join(', ');
    const meetingId = m.findColumnWithPropertyName('meetingId')!.databaseName;
    const sql = `(select coalesce(json_agg(${row.object} order by ${order}), '[]') from "${m.tableName}" n ${row.joins} where n.tenant_id = p."tenantId" and n."${meetingId}" = p.id) as "${n.field}"`;
    return { field: n.field, sql, revive: row.revive };
  });
  // The meeting's body, joined to the page's row p (whose columns are named by property).
  const body = items.body && referenceTo(em, BODY, 'p', '"tenantId"', '"bodyId"', items.body);
  if (body) nested.push({ field: 'body', sql: `${body.value} as "body"`, revive: body.revive });
  // The nested reads run in an outer query, for the page's rows only (in the paged query they
  // would run for every row the offset skips too); the outer query restores the page's order.
  const sortProperty = meta.findColumnsWithPropertyPath(sortColumn)[0]?.propertyName ?? sortColumn;
  const direction = args.sortOrder === SortOrder.DESC ? 'desc' : 'asc';
  const sql = `select p.*${nested.map((n) => `, ${n.sql}`).join('')} from (${inner}) p ${body ? body.join : ''} order by p."${sortProperty}" ${direction}, p.id`;
  const rows = await prepared(em, sql, parameters);

  const ownStamps = meta.columns.filter((c) => c.type === 'timestamptz').map((c) => c.propertyName);
  let total = 0;
  const meetings = rows.map((row) => {
    // __total stays on the row (deleting a property turns the object into a slow dictionary).
    total = Number(row.__total);
    for (const p of ownStamps) if (row[p] !== null) row[p] = new Date(row[p] as number);
    for (const n of nested) if (n.revive) for (const child of [row[n.field] ?? []].flat() as Record<string, unknown>[]) n.revive(child);
    return row as unknown as ListedMeeting;
  });
  // Past the last page the window has no row to count on.
  if (!meetings.length && args.page > 1) total = await filtered.getCount();
  return { items: meetings, total };
}

/** Turns a row read as JSON into what the entity holds (epoch milliseconds into Dates), in place; undefined when there is nothing to turn. */
type Revive = ((row: Record<string, unknown>) => void) | undefined;

/**
 * A nested row as a JSON object keyed by property name: the asked-for columns, or the whole row;
 * and the rows it points at that the query asks for, likewise, each through a left join (as
 * subqueries they ran once per attendance).
 */
function jsonRow(
  em: EntityManager,
  meta: EntityMetadata,
  alias: string,
  asked: Selection,
  references: Reference[] = [],
): { object: string; joins: string; revive: Revive } {
  const referenced = references.filter((r) => asked[r.field]);
  const isColumn = (name: string) => meta.columns.some((c) => c.propertyName === name);
  const whole = Object.keys(asked).some((name) => name !== '__typename' && !isColumn(name) && !referenced.some((r) => r.field === name));
  // Only what is asked for: nothing else reads these rows (the references asked for are read
  // here too, and any other field resolver makes it the whole row).
  const chosen = meta.columns.filter((c) => whole || c.propertyName in asked);
  const pairs = chosen.map((c) => `'${c.propertyName}', ${value(c.type, `${alias}."${c.databaseName}"`)}`);
  const refs = referenced.map((r) => ({
    field: r.field,
    ...referenceTo(em, r, alias, 'tenant_id', `"${meta.findColumnWithPropertyName(r.key)!.databaseName}"`, asked[r.field]!),
  }));
  for (const r of refs) pairs.push(`'${r.field}', ${r.value}`);
  const stamps = chosen.filter((c) => c.type === 'timestamptz').map((c) => c.propertyName);
  const nestedRevives = refs.filter((r) => r.revive);
  const revive: Revive =
    stamps.length || nestedRevives.length
      ? (row) => {
          for (const p of stamps) if (row[p] !== null && row[p] !== undefined) row[p] = new Date(row[p] as number);
          for (const { field, revive } of nestedRevives) if (row[field]) revive!(row[field] as Record<string, unknown>);
        }
      : undefined;
  return { object: `json_build_object(${pairs.join(', ')})`, joins: refs.map((r) => r.join).join(' '), revive };
}

/**
 * The row `alias.key` points at: a left join, and its value as a JSON object — null when the key
 * points at nothing this municipality can see, as the by-id loader would answer.
 */
function referenceTo(
  em: EntityManager,
  r: Reference,
  alias: string,
  tenant: string,
  key: string,
  asked: Selection,
): { join: string; value: string; revive: Revive } {
  const target = em.connection.getMetadata(r.entity);
  const ra = `${alias}_${r.field}`;
  const row = jsonRow(em, target, ra, asked);
  return {
    join: `left join "${target.tableName}" ${ra} on ${ra}.tenant_id = ${alias}.${tenant} and ${ra}.id = ${alias}.${key}`,
    value: `case when ${ra}.id is null then null else ${row.object} end`,
    revive: row.revive,
  };
}

function value(type: unknown, column: string): string {
  return type === 'timestamptz' ? `floor(extract(epoch from ${column}) * 1000)::float8` : column;
}

/**
 * Runs the statement as a named prepared statement on the transaction's connection: Postgres
 * parses and plans the long text once per connection instead of on every request, and the
 * text is sent once. The names come from the text, so a list asked for in another shape gets
 * its own statement; there are as many as the shapes the admin's pages ask for.
 */
async function prepared(em: EntityManager, text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  const runner = em.queryRunner as unknown as { connect(): Promise<pg.PoolClient> } | undefined;
  if (!runner) return em.query(text, values);
  const client = await runner.connect();
  // Logged where TypeORM logs its statements, so statement counts see it.
  em.connection.logger.logQuery(text, values);
  const name = `meetings_${createHash('sha1').update(text).digest('base64url')}`;
  return (await client.query({ name, text, values })).rows as Record<string, unknown>[];
}
