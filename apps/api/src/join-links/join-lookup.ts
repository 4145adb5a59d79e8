import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Pool, QueryResult } from 'pg';
import { BreakoutRoom } from '../breakout-rooms/breakout-rooms.public.js';
import { Body } from '../bodies/bodies.public.js';
import { Meeting } from '../meetings/meetings.public.js';
// The read model's one entity from outside a public surface (apps/api/src/README.md, "Read models").
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { MeetingRecess } from '../meetings/meeting-recess.entity.js';
import { Member } from '../members/members.public.js';
import { MunicipalitySettings } from '../tenancy/municipality-settings.entity.js';
import { JoinLink } from './join-link.entity.js';

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
  /** The municipality's rule-set versions, newest first, without their content. */
  ruleSets: { tenantId: string; id: string; status: string }[];
}

/**
 * The join route's look-up in one message to Postgres (issue 12: a whole council opens its
 * links in the same minute, and every round trip is paid by every member). A simple-protocol
 * message with several statements runs as one implicit transaction, so the first statement
 * binds the municipality transaction-locally, as TenantDb does — from token_tenant(), the
 * SECURITY DEFINER function that answers only that — and the statements after it read the
 * link, its member, room, meeting, body, recesses, the municipality's settings and the list
 * of its rule-set versions under that municipality's row-level security. The connection
 * forgets the municipality when the message's transaction ends. Nothing is written.
 *
 * The one deliberate read across capabilities (apps/api/src/README.md, "Read models").
 * The simple protocol takes no parameters: the only value in the text is the token's SHA-256
 * as hexadecimal, which cannot carry anything but [0-9a-f].
 */
export class JoinLookup {
  private readonly select: string;
  private readonly parts: { alias: string; meta: EntityMetadata }[];
  private readonly recessMeta: EntityMetadata;
  private readonly settingsMeta: EntityMetadata;

  constructor(private readonly dataSource: DataSource) {
    const meta = (e: EntityTarget<ObjectLiteral>) => dataSource.getMetadata(e);
    this.parts = [
      { alias: 'link', meta: meta(JoinLink) },
      { alias: 'member', meta: meta(Member) },
      { alias: 'room', meta: meta(BreakoutRoom) },
      { alias: 'meeting', meta: meta(Meeting) },
      { alias: 'body', meta: meta(Body) },
    ];
    this.recessMeta = meta(MeetingRecess);
    this.settingsMeta = meta(MunicipalitySettings);
    const columns = [...this.parts, { alias: 'settings', meta: this.settingsMeta }].flatMap(({ alias, meta }) =>
      meta.columns.map((c) => `"${alias}"."${c.databaseName}" as "${alias}__${c.databaseName}"`),
    );
    const table = (m: EntityMetadata) => `"${m.tableName}"`;
    const [link, member, room, meeting, body] = this.parts.map((p) => table(p.meta));
    this.select = `select ${columns.join(', ')} from ${link} "link"
      left join ${member} "member" on "member".tenant_id = "link".tenant_id and "member".id = "link".member_id
      left join ${room} "room" on "room".tenant_id = "link".tenant_id and "room".id = "link".room_id
      left join ${meeting} "meeting" on "meeting".tenant_id = "link".tenant_id and "meeting".id = "link".meeting_id
      left join ${body} "body" on "body".tenant_id = "meeting".tenant_id and "body".id = "meeting".body_id
      left join ${table(this.settingsMeta)} "settings" on "settings".tenant_id = "link".tenant_id
      where "link".token_hash = $hash`;
  }

  async find(hash: Buffer): Promise<JoinRows | null> {
    const literal = `'\\x${hash.toString('hex')}'::bytea`;
    const recess = this.recessMeta;
    const text = [
      `select set_config('app.tenant_id', coalesce(token_tenant(${literal})::text, ''), true) as tenant, set_config('app.region_id', '', true)`,
      this.select.replace('$hash', literal),
      `select ${recess.columns.map((c) => `"${c.databaseName}"`).join(', ')} from "${recess.tableName}"
        where meeting_id = (select meeting_id from join_link where token_hash = ${literal}) order by started_at`,
      `select tenant_id, id, status from rule_set_version order by version desc`,
    ].join(';\n');
    // Logged where TypeORM logs its statements, so statement counts see it.
    this.dataSource.logger.logQuery(text);
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const results = (await pool.query(text)) as unknown as QueryResult[];
    const [tenant, found, recesses, ruleSets] = results as [QueryResult, QueryResult, QueryResult, QueryResult];
    const tenantId = (tenant.rows[0] as { tenant: string }).tenant;
    const row = found.rows[0] as Record<string, unknown> | undefined;
    if (!tenantId || !row) return null;
    const [link, member, room, meeting, body] = this.parts.map(({ alias, meta }) => this.hydrate(meta, row, `${alias}__`));
    return {
      tenantId,
      link: link as JoinLink,
      member: member as Member | null,
      room: room as BreakoutRoom | null,
      meeting: meeting as Meeting | null,
      body: body as Body | null,
      recesses: recesses.rows.map((r) => this.hydrate(recess, r as Record<string, unknown>, '') as MeetingRecess),
      settings: this.hydrate(this.settingsMeta, row, 'settings__') as MunicipalitySettings | null,
      ruleSets: (ruleSets.rows as { tenant_id: string; id: string; status: string }[]).map((r) => ({
        tenantId: r.tenant_id,
        id: r.id,
        status: r.status,
      })),
    };
  }

  /** The entity from its aliased columns, converted as TypeORM converts them; null when the join found no row. */
  private hydrate(meta: EntityMetadata, row: Record<string, unknown>, prefix: string): ObjectLiteral | null {
    const primary = meta.primaryColumns.find((c) => c.databaseName !== 'tenant_id') ?? meta.primaryColumns[0]!;
    if (row[prefix + primary.databaseName] == null) return null;
    const entity = meta.create() as ObjectLiteral;
    for (const column of meta.columns) {
      column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[prefix + column.databaseName], column));
    }
    return entity;
  }
}
