import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1763884800000-foundation.js';

const SKILLS = `ARRAY['it_support', 'meeting_support', 'av_broadcast', 'secretary', 'coordinator']`;

/** What a staff member is, alike in a municipality's register and in the region's pool. */
const STAFF_COLUMNS = `
        id uuid NOT NULL,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        title text NOT NULL DEFAULT '',
        email text,
        phone text,
        -- The Keycloak username (or subject) that signs in as this person, if any.
        account text,
        skills text[] NOT NULL DEFAULT '{}' CHECK (skills <@ ${SKILLS}),
        -- Weekly recurring availability in Stockholm wall-clock time: [{weekday 1-7, from 'HH:MM', to 'HH:MM'}].
        weekly jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(weekly) = 'array'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),`;

const ABSENCE_COLUMNS = `
        id uuid NOT NULL,
        staff_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'sick_leave', 'other', 'extra_availability')),
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),`;

const TENANT_TABLES = [
  'support_settings',
  'support_staff',
  'support_absence',
  'support_assignment',
  'support_reminder',
  'support_calendar_feed',
  'staff_training_completion',
];

/**
 * Support scheduling: each municipality's staff register, the region's shared pool (read only
 * by municipalities of the region that opted in), availability exceptions and absences,
 * assignments of staff to meetings, reminders sent, and personal calendar feeds.
 */
export class Support1764700000000 implements MigrationInterface {
  name = 'Support1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE support_settings (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        uses_regional_pool boolean NOT NULL DEFAULT false,
        minutes_before integer NOT NULL DEFAULT 30 CHECK (minutes_before BETWEEN 0 AND 480),
        minutes_after integer NOT NULL DEFAULT 15 CHECK (minutes_after BETWEEN 0 AND 480),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      );

      CREATE TABLE support_staff (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        ${STAFF_COLUMNS}
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, account)
      );

      CREATE TABLE regional_support_staff (
        region_id uuid NOT NULL DEFAULT app_current_region() REFERENCES region(id),
        ${STAFF_COLUMNS}
        PRIMARY KEY (region_id, id),
        UNIQUE (region_id, account)
      );

      CREATE TABLE support_absence (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        ${ABSENCE_COLUMNS}
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, staff_id) REFERENCES support_staff (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX support_absence_staff_idx ON support_absence (tenant_id, staff_id, starts_at);

      CREATE TABLE regional_support_absence (
        region_id uuid NOT NULL DEFAULT app_current_region() REFERENCES region(id),
        ${ABSENCE_COLUMNS}
        PRIMARY KEY (region_id, id),
        FOREIGN KEY (region_id, staff_id) REFERENCES regional_support_staff (region_id, id) ON DELETE CASCADE
      );
      CREATE INDEX regional_support_absence_staff_idx ON regional_support_absence (region_id, staff_id, starts_at);

      -- Exactly one of the municipality's own staff or a pooled person. Declined and withdrawn
      -- rows stay as history; only assigned and accepted ones cover a need.
      CREATE TABLE support_assignment (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('it_support', 'meeting_support')),
        staff_id uuid,
        pool_region_id uuid,
        pool_staff_id uuid,
        status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'accepted', 'declined', 'withdrawn')),
        reason text,
        assigned_by text NOT NULL,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, staff_id) REFERENCES support_staff (tenant_id, id),
        FOREIGN KEY (pool_region_id, pool_staff_id) REFERENCES regional_support_staff (region_id, id),
        CHECK ((staff_id IS NULL) <> (pool_staff_id IS NULL)),
        CHECK ((pool_staff_id IS NULL) = (pool_region_id IS NULL))
      );
      CREATE INDEX support_assignment_meeting_idx ON support_assignment (tenant_id, meeting_id);
      CREATE INDEX support_assignment_staff_idx ON support_assignment (tenant_id, staff_id) WHERE staff_id IS NOT NULL;
      CREATE INDEX support_assignment_pool_idx ON support_assignment (pool_staff_id) WHERE pool_staff_id IS NOT NULL;
      CREATE UNIQUE INDEX support_assignment_once ON support_assignment (tenant_id, meeting_id, COALESCE(staff_id, pool_staff_id))
        WHERE status IN ('assigned', 'accepted');

      -- One row per reminder sent: a re-run (or a retried job) finds it and sends nothing twice.
      CREATE TABLE support_reminder (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('day_before', 'changed')),
        key text NOT NULL,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, assignment_id) REFERENCES support_assignment (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, assignment_id, kind, key)
      );

      -- Staff complete their own modules (the secretary's checklist, leading a hybrid meeting).
      -- History, like members' completions: rows are only ever added.
      CREATE TABLE staff_training_completion (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        staff_id uuid NOT NULL,
        module_key text NOT NULL,
        completed_on date NOT NULL,
        valid_until date,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, staff_id) REFERENCES support_staff (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, staff_id, module_key, completed_on),
        CHECK (valid_until IS NULL OR valid_until >= completed_on)
      );

      CREATE TABLE support_calendar_feed (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        staff_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, staff_id) REFERENCES support_staff (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, staff_id)
      );
    `);
    for (const table of TENANT_TABLES) await q.query(isolateTenantTable(table));
    // Completions are history: the API adds rows, it never rewrites or removes them.
    await q.query('REVOKE UPDATE, DELETE ON staff_training_completion FROM motesplats_api');
    await q.query(`
      -- Whether the caller's municipality has opted in to the region's pool. Runs as the caller,
      -- so it reads only the caller's own settings row.
      CREATE FUNCTION app_uses_support_pool() RETURNS boolean
        LANGUAGE sql STABLE
        AS $fn$ SELECT COALESCE((SELECT uses_regional_pool FROM support_settings WHERE tenant_id = app_current_tenant()), false) $fn$;
      GRANT EXECUTE ON FUNCTION app_uses_support_pool() TO motesplats_api;
    `);
    for (const table of ['regional_support_staff', 'regional_support_absence']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        -- Coordinators see their region's pool; a municipality only once it has opted in.
        CREATE POLICY region_reads ON ${table} FOR SELECT
          USING (region_id = app_current_region() AND (app_current_tenant() IS NULL OR app_uses_support_pool()));
        CREATE POLICY coordinators_write ON ${table} FOR ALL
          USING (app_current_tenant() IS NULL AND region_id = app_current_region())
          WITH CHECK (app_current_tenant() IS NULL AND region_id = app_current_region());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO motesplats_api;
      `);
    }
    await q.query(`
      -- When a pooled person is busy anywhere in the region: shift intervals only (no meeting,
      -- no municipality), so one municipality never double-books a person another one has.
      -- Runs as its owner to see every municipality's assignments of the caller's region.
      CREATE FUNCTION support_pool_busy(from_at timestamptz, to_at timestamptz)
        RETURNS TABLE (staff_id uuid, starts_at timestamptz, ends_at timestamptz, assignment_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$
          SELECT a.pool_staff_id,
                 m.starts_at - make_interval(mins => COALESCE(s.minutes_before, 30)),
                 m.ends_at + make_interval(mins => COALESCE(s.minutes_after, 15)),
                 a.id
            FROM support_assignment a
            JOIN meeting m ON m.tenant_id = a.tenant_id AND m.id = a.meeting_id
            LEFT JOIN support_settings s ON s.tenant_id = a.tenant_id
           WHERE a.pool_staff_id IS NOT NULL
             AND a.status IN ('assigned', 'accepted')
             AND m.status <> 'cancelled'
             AND a.pool_region_id = app_current_region()
             AND (app_current_tenant() IS NULL OR app_uses_support_pool())
             AND m.ends_at + make_interval(mins => COALESCE(s.minutes_after, 15)) > from_at
             AND m.starts_at - make_interval(mins => COALESCE(s.minutes_before, 30)) < to_at
        $fn$;
      REVOKE ALL ON FUNCTION support_pool_busy(timestamptz, timestamptz) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION support_pool_busy(timestamptz, timestamptz) TO motesplats_api;

      -- The feed route knows no tenant before the lookup (as token_tenant for members' feeds).
      GRANT SELECT (tenant_id, token_hash) ON support_calendar_feed TO motesplats_token_lookup;
      CREATE POLICY token_lookup ON support_calendar_feed FOR SELECT TO motesplats_token_lookup USING (true);
      CREATE FUNCTION support_feed_tenant(hash bytea) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$ SELECT tenant_id FROM support_calendar_feed WHERE token_hash = hash LIMIT 1 $fn$;
      ALTER FUNCTION support_feed_tenant(bytea) OWNER TO motesplats_token_lookup;
      REVOKE ALL ON FUNCTION support_feed_tenant(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION support_feed_tenant(bytea) TO motesplats_api;
    `);
    // The pool function's owner (whoever runs migrations) reads across municipalities; FORCE
    // ROW LEVEL SECURITY would otherwise hide the rows from a non-superuser owner.
    for (const table of ['support_assignment', 'support_settings', 'meeting']) {
      await q.query(`CREATE POLICY support_pool_busy ON ${table} FOR SELECT TO CURRENT_USER USING (true)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION support_feed_tenant(bytea);
      DROP FUNCTION support_pool_busy(timestamptz, timestamptz);
      DROP POLICY support_pool_busy ON meeting;
      DROP TABLE staff_training_completion, support_calendar_feed, support_reminder, support_assignment, regional_support_absence, support_absence,
                 regional_support_staff, support_staff, support_settings;
      DROP FUNCTION app_uses_support_pool();
    `);
  }
}
