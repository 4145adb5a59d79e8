import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whom a member contacts when the join page cannot let them in (the rules keep them out, or
 * the link is wrong): the municipality's own words, e.g. "Nämndsekreterare Anna Berg,
 * 0522-69 60 00". Shown on the member's page, so it is public text, never personal data the
 * municipality has not chosen to publish.
 */
export class MemberContact1764500000000 implements MigrationInterface {
  name = 'MemberContact1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE municipality_settings ADD COLUMN member_contact text CHECK (char_length(member_contact) <= 300)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE municipality_settings DROP COLUMN member_contact`);
  }
}
