import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Municipality-owned foreign keys that no index led with (issue 12): deleting a member, a
 * party group or a practice session, or listing a member's join links, scanned the whole table
 * across every municipality. Each index leads with tenant_id, like every other key, so a
 * municipality's rows stay together whatever the number of municipalities.
 */
const INDEXES: [table: string, name: string, columns: string][] = [
  ['attendance', 'attendance_replaces_member_idx', 'tenant_id, replaces_member_id'],
  ['breakout_room', 'breakout_room_party_group_idx', 'tenant_id, party_group_id'],
  ['join_link', 'join_link_member_idx', 'tenant_id, member_id'],
  ['training_completion', 'training_completion_practice_session_idx', 'tenant_id, practice_session_id'],
];

export class PerfTenantFirstFkIndexes1764930000000 implements MigrationInterface {
  name = 'PerfTenantFirstFkIndexes1764930000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, name, columns] of INDEXES) await q.query(`CREATE INDEX ${name} ON ${table} (${columns})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [, name] of INDEXES) await q.query(`DROP INDEX ${name}`);
  }
}
