import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Pool } from 'pg';
import { BreakoutRoom } from '../breakout-rooms/breakout-rooms.public.js';
import { Body } from '../bodies/bodies.public.js';
import { Meeting } from '../meetings/meetings.public.js';
// The read model's one entity from outside a public surface (apps/api/src/README.md, "Read models").
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { MeetingRecess } from '../meetings/meeting-recess.entity.js';
import { Member } from '../members/members.public.js';
import { MunicipalitySettings } from '../tenancy/municipality-settings.entity.js';
import { JoinLink } from './join-link.entity.js';

/** Column types whose JSON value is already what the entity holds. */
const SAME_IN_JSON = new Set<unknown>(['uuid', 'text', 'varchar', 'boolean', 'integer', 'int', 'jsonb', 'json', String, Boolean, Number]);

/** Everything a join link's page needs from the database, read in one round trip. */
export interface JoinRows {
  /** The municipality owning the token: every row below was read under its row-level security. */
  tenantId: string;
  link: JoinLink;
  member: Member | null;
  room: BreakoutRoom | null;
  meeting: Meeting | null;
  body: Body | null;
  /** The meeting's recesses, oldest first. */
  recesses: MeetingRecess[];
  /** Null until the municipality saves its own. */
  settings: MunicipalitySettings | null;
  /** The municipality's published rule-set versions, newest first, without their content. */
  ruleSets: { tenantId: string; id: string; status: string }[];
}

/**
 * The join route's look-up in one round trip (issue 12: a whole council opens its links in the
 * same minute, and every round trip is paid by every member): `join_lookup(hash)`, a PL/pgSQL
 * function (migration 1764940000000), binds the municipality owning the token transaction-
 * locally — from token_tenant(), the SECURITY DEFINER function that answers only that — and
 * reads the link, its member, room, meeting, body and recesses, the municipality's settings
 * and the list of its rule-set versions under that municipality's row-level security, as whole
 * rows in JSON. It is called through a named prepared statement and keeps its own plans, so
 * Postgres plans the look-up once per connection, not per request. The call is its own
 * transaction: the connection forgets the municipality when it returns. Nothing is written.
 *
 * The one deliberate read across capabilities on the members' side (apps/api/src/README.md,
 * "Read models").
 */
export class JoinLookup {
  private readonly parts: { alias: string; meta: EntityMetadata }[];
  private readonly recessMeta: EntityMetadata;
  private readonly plans = new Map<EntityMetadata, ReturnType<JoinLookup['plan']>>();

  constructor(private readonly dataSource: DataSource) {
    const meta = (e: EntityTarget<ObjectLiteral>) => dataSource.getMetadata(e);
    this.parts = [
      { alias: 'link', meta: meta(JoinLink) },
      { alias: 'member', meta: meta(Member) },
      { alias: 'room', meta: meta(BreakoutRoom) },
      { alias: 'meeting', meta: meta(Meeting) },
      { alias: 'body', meta: meta(Body) },
      { alias: 'settings', meta: meta(MunicipalitySettings) },
    ];
    this.recessMeta = meta(MeetingRecess);
  }

  async find(hash: Buffer): Promise<JoinRows | null> {
    const text = 'select join_lookup($1) as found';
    // Logged where TypeORM logs its statements, so statement counts see it.
    this.dataSource.logger.logQuery(text);
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const { rows } = await pool.query<{
      found:
        (Record<string, Record<string, unknown> | null> & { tenantId: string; recesses: Record<string, unknown>[] | null; ruleSets: string[][] | null }) | null;
    }>({
      name: 'join_lookup',
      text,
      values: [hash],
    });
    const row = rows[0]?.found;
    if (!row?.link) return null;
    const [link, member, room, meeting, body, settings] = this.parts.map(({ alias, meta }) => this.hydrate(meta, row[alias] ?? null));
    return {
      tenantId: row.tenantId,
      link: link as JoinLink,
      member: member as Member | null,
      room: room as BreakoutRoom | null,
      meeting: meeting as Meeting | null,
      body: body as Body | null,
      recesses: (row.recesses ?? []).map((r) => this.hydrate(this.recessMeta, r) as MeetingRecess),
      settings: settings as MunicipalitySettings | null,
      ruleSets: (row.ruleSets ?? []).map(([tenantId, id, status]) => ({ tenantId: tenantId!, id: id!, status: status! })),
    };
  }

  /** The entity from a whole row as JSON, converted as TypeORM converts its columns (timestamps come as text); null when the join found no row. */
  private hydrate(meta: EntityMetadata, row: Record<string, unknown> | null): ObjectLiteral | null {
    if (!row) return null;
    const entity = Object.create((meta.target as { prototype: object }).prototype) as ObjectLiteral;
    for (const c of this.plan(meta)) {
      if (!(c.db in row)) continue;
      const value = row[c.db];
      // Text, uuids, numbers, booleans, arrays and JSON come from JSON as the entity holds them;
      // timestamps (text in JSON) become Dates; anything else goes through TypeORM's conversion.
      entity[c.property] =
        c.as === 'same' || value === null ? value : c.as === 'date' ? new Date(value as string) : this.dataSource.driver.prepareHydratedValue(value, c.column);
    }
    return entity;
  }

  /** How each column of an entity is read from its row as JSON, worked out once per entity. */
  private plan(meta: EntityMetadata): { db: string; property: string; column: EntityMetadata['columns'][number]; as: 'same' | 'date' | 'typeorm' }[] {
    let plan = this.plans.get(meta);
    if (!plan) {
      plan = meta.columns.map((column) => ({
        db: column.databaseName,
        property: column.propertyName,
        column,
        as:
          column.transformer || column.embeddedMetadata
            ? 'typeorm'
            : column.type === 'timestamptz'
              ? 'date'
              : SAME_IN_JSON.has(column.type)
                ? 'same'
                : 'typeorm',
      }));
      this.plans.set(meta, plan);
    }
    return plan;
  }
}
