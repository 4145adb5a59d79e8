import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1763884800000-foundation.js';

/**
 * The transactional outbox: every effect outside the database (mail, job scheduling) is a row
 * written in the same transaction as the change that causes it, carried out after commit and
 * retried until done. `key` names the effect, so writing it twice is writing it once.
 * Meetings and practice sessions count their calendar revisions (iCalendar SEQUENCE), so an
 * update or a cancellation always outranks the invitation it replaces.
 */
export class Outbox1764600000000 implements MigrationInterface {
  name = 'Outbox1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        key text NOT NULL,
        kind text NOT NULL,
        subject_id uuid,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, key)
      );
      CREATE INDEX outbox_due ON outbox (tenant_id, next_attempt_at) WHERE status = 'pending';
      CREATE INDEX outbox_subject ON outbox (tenant_id, subject_id) WHERE status = 'pending';
    `);
    await q.query(isolateTenantTable('outbox'));
    await q.query(`
      ALTER TABLE meeting ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0;
      ALTER TABLE practice_session ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE practice_session DROP COLUMN calendar_sequence;
      ALTER TABLE meeting DROP COLUMN calendar_sequence;
      DROP TABLE outbox;
    `);
  }
}
