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
  private readonly parts: { alias: string; meta: EntityMetadata }[];
  private readonly recessMeta: EntityMetadata;
  private readonly settingsMeta: EntityMetadata;
  private readonly select: string;

  constructor(private readonly dataSource: DataSource) {
    const meta = (e: EntityTarget<ObjectLiteral>) => dataSource.getMetadata(e);
    this.settingsMeta = meta(MunicipalitySettings);
    this.parts = [
      { alias: 'link', meta: meta(JoinLink) },
      { alias: 'member', meta: meta(Member) },
      { alias: 'room', meta: meta(BreakoutRoom) },
      { alias: 'meeting', meta: meta(Meeting) },
      { alias: 'body', meta: meta(Body) },
      { alias: 'settings', meta: this.settingsMeta },
    ];
    this.recessMeta = meta(MeetingRecess);
    const table = (m: EntityMetadata) => `"${m.tableName}"`;
    const [link, member, room, meeting, body, settings] = this.parts.map((p) => table(p.meta));
    // Whole rows as JSON keep the text short: it is sent, parsed and planned on every request
    // (a column list of six tables was most of the route's own CPU time). The token's hash is
    // left out of the link: it is never handed on.
    this.select = `select to_jsonb("link") - 'token_hash' as "link", to_jsonb("member") as "member", to_jsonb("room") as "room",
      to_jsonb("meeting") as "meeting", to_jsonb("body") as "body", to_jsonb("settings") as "settings",
      (select jsonb_agg(r order by r.started_at) from ${table(this.recessMeta)} r where r.tenant_id = "link".tenant_id and r.meeting_id = "link".meeting_id) as "recesses",
      (select jsonb_agg(jsonb_build_array(v.tenant_id, v.id, v.status) order by v.version desc) from rule_set_version v) as "ruleSets"
      from ${link} "link"
      left join ${member} "member" on "member".tenant_id = "link".tenant_id and "member".id = "link".member_id
      left join ${room} "room" on "room".tenant_id = "link".tenant_id and "room".id = "link".room_id
      left join ${meeting} "meeting" on "meeting".tenant_id = "link".tenant_id and "meeting".id = "link".meeting_id
      left join ${body} "body" on "body".tenant_id = "meeting".tenant_id and "body".id = "meeting".body_id
      left join ${settings} "settings" on "settings".tenant_id = "link".tenant_id
      where "link".token_hash = $hash`;
  }

  async find(hash: Buffer): Promise<JoinRows | null> {
    const literal = `'\\x${hash.toString('hex')}'::bytea`;
    const text = `select set_config('app.tenant_id', coalesce(token_tenant(${literal})::text, ''), true) as tenant, set_config('app.region_id', '', true);
      ${this.select.replace('$hash', literal)}`;
    // Logged where TypeORM logs its statements, so statement counts see it.
    this.dataSource.logger.logQuery(text);
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const [tenant, found] = (await pool.query(text)) as unknown as [QueryResult, QueryResult];
    const tenantId = (tenant.rows[0] as { tenant: string }).tenant;
    const row = found.rows[0] as Record<string, Record<string, unknown> | null> & { recesses: Record<string, unknown>[] | null; ruleSets: string[][] | null };
    if (!tenantId || !row) return null;
    const [link, member, room, meeting, body, settings] = this.parts.map(({ alias, meta }) => this.hydrate(meta, row[alias] ?? null));
    return {
      tenantId,
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
    const entity = meta.create() as ObjectLiteral;
    for (const column of meta.columns) {
      if (column.databaseName in row) column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
    }
    return entity;
  }
}
