import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lists of seats sort presidium first (chair, vice chairs, members, deputies), not alphabetically. */
export class MembershipRoleOrder1763960000000 implements MigrationInterface {
  name = 'MembershipRoleOrder1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE body_membership ADD COLUMN role_rank smallint GENERATED ALWAYS AS (
        CASE role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'member' THEN 2 ELSE 3 END
      ) STORED;
      CREATE INDEX body_membership_body_rank_idx ON body_membership (tenant_id, body_id, role_rank);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE body_membership DROP COLUMN role_rank`);
  }
}
