import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Practice sessions get personal join links: a join link's target is now either a meeting (and
 * perhaps one of its break-out rooms) or a practice session — exactly one of the two. The
 * session's video room is named on first use and remembered, like a meeting's video_meeting row.
 * join_link keeps its row-level security and token_tenant() lookup; nothing new crosses tenants.
 */
export class PracticeSessionLinks1764400000000 implements MigrationInterface {
  name = 'PracticeSessionLinks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE join_link
        ALTER COLUMN meeting_id DROP NOT NULL,
        ADD COLUMN practice_session_id uuid,
        ADD FOREIGN KEY (tenant_id, practice_session_id) REFERENCES practice_session (tenant_id, id) ON DELETE CASCADE,
        ADD CONSTRAINT join_link_one_target CHECK (num_nonnulls(meeting_id, practice_session_id) = 1),
        ADD CONSTRAINT join_link_rooms_belong_to_meetings CHECK (room_id IS NULL OR meeting_id IS NOT NULL);
      CREATE UNIQUE INDEX join_link_one_per_practice_session ON join_link (tenant_id, practice_session_id, member_id) WHERE practice_session_id IS NOT NULL;

      ALTER TABLE practice_session
        ADD COLUMN video_platform text CHECK (video_platform IN ('jitsi', 'zoom', 'teams')),
        ADD COLUMN video_external_id text,
        ADD CHECK ((video_platform IS NULL) = (video_external_id IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM join_link WHERE practice_session_id IS NOT NULL;
      ALTER TABLE practice_session DROP COLUMN video_external_id, DROP COLUMN video_platform;
      DROP INDEX join_link_one_per_practice_session;
      ALTER TABLE join_link DROP CONSTRAINT join_link_rooms_belong_to_meetings, DROP CONSTRAINT join_link_one_target,
        DROP COLUMN practice_session_id, ALTER COLUMN meeting_id SET NOT NULL;
    `);
  }
}
