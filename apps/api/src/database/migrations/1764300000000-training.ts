import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The training capability's municipal tables: tenant-first keys, RLS enabled and forced, one policy. */
const TRAINING_TENANT_TABLES = ['training_module', 'practice_session', 'practice_session_invitee', 'training_completion', 'training_reminder'];

/** What a module is, alike in the regional library and in a municipality's own modules. */
const MODULE_COLUMNS = `
        key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        title text NOT NULL CHECK (length(trim(title)) > 0),
        description text NOT NULL DEFAULT '',
        audience text[] NOT NULL CHECK (cardinality(audience) > 0
          AND audience <@ ARRAY['member', 'chair', 'secretary', 'support_staff', 'coordinator']),
        kind text NOT NULL CHECK (kind IN ('e_learning', 'instruction', 'practice_session')),
        url text,
        validity_months integer CHECK (validity_months BETWEEN 1 AND 120),
        requirable boolean NOT NULL DEFAULT false,`;

/**
 * Training: the regional module library (region-level: coordinators write, every municipality
 * of the region reads what is published), each municipality's own modules, completions kept
 * as history, practice sessions with invitees, reminders sent, and the coverage figures —
 * per member for the municipality, counts only for the region.
 */
export class Training1764300000000 implements MigrationInterface {
  name = 'Training1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regional_training_module (
        region_id uuid NOT NULL DEFAULT app_current_region() REFERENCES region(id),
        id uuid NOT NULL,
        ${MODULE_COLUMNS}
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, id),
        UNIQUE (region_id, key)
      );
      ALTER TABLE regional_training_module ENABLE ROW LEVEL SECURITY;
      ALTER TABLE regional_training_module FORCE ROW LEVEL SECURITY;
      -- Municipalities read what is published in their region; drafts are the coordinators' own.
      CREATE POLICY region_reads ON regional_training_module FOR SELECT
        USING (region_id = app_current_region() AND (published_at IS NOT NULL OR app_current_tenant() IS NULL));
      -- Only region-wide users (no tenant) write the library.
      CREATE POLICY coordinators_write ON regional_training_module FOR ALL
        USING (app_current_tenant() IS NULL AND region_id = app_current_region())
        WITH CHECK (app_current_tenant() IS NULL AND region_id = app_current_region());
      GRANT SELECT, INSERT, UPDATE, DELETE ON regional_training_module TO motesplats_api;

      CREATE TABLE training_module (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        ${MODULE_COLUMNS}
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, key)
      );

      CREATE TABLE practice_session (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        module_key text NOT NULL,
        title text NOT NULL CHECK (length(trim(title)) > 0),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX practice_session_starts_idx ON practice_session (tenant_id, starts_at);

      CREATE TABLE practice_session_invitee (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        session_id uuid NOT NULL,
        member_id uuid NOT NULL,
        attended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, session_id) REFERENCES practice_session (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, session_id, member_id)
      );
      CREATE INDEX practice_session_invitee_member_idx ON practice_session_invitee (tenant_id, member_id);

      -- History: rows are only ever added. A later completion supersedes an earlier one; what
      -- identifies a completion is member + module + completed date (so re-imports add nothing).
      CREATE TABLE training_completion (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        member_id uuid NOT NULL,
        module_key text NOT NULL,
        completed_on date NOT NULL,
        valid_until date,
        source text NOT NULL CHECK (source IN ('recorded', 'imported', 'practice_session')),
        practice_session_id uuid,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, practice_session_id) REFERENCES practice_session (tenant_id, id),
        UNIQUE (tenant_id, member_id, module_key, completed_on),
        CHECK (valid_until IS NULL OR valid_until >= completed_on),
        CHECK ((source = 'practice_session') = (practice_session_id IS NOT NULL))
      );
      CREATE INDEX training_completion_module_idx ON training_completion (tenant_id, module_key, valid_until);

      -- One reminder per member, module and expiry date: a re-run finds it and sends nothing.
      CREATE TABLE training_reminder (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        member_id uuid NOT NULL,
        module_key text NOT NULL,
        valid_until date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'secretary_list')),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, member_id, module_key, valid_until)
      );
      CREATE INDEX training_reminder_list_idx ON training_reminder (tenant_id, channel, valid_until);
    `);
    for (const table of TRAINING_TENANT_TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant())
          WITH CHECK (tenant_id = app_current_tenant());
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON training_module, practice_session, practice_session_invitee TO motesplats_api;
      -- Completions are history: the API adds rows, it never rewrites or removes them.
      GRANT SELECT, INSERT ON training_completion TO motesplats_api;
      GRANT SELECT, INSERT, UPDATE ON training_reminder TO motesplats_api;

      -- Each seat × module that applies to the seat's role, with where the member stands on
      -- on_date. Runs as the caller, so row-level security bounds it to the caller's municipality.
      CREATE FUNCTION training_seat_status(on_date date)
        RETURNS TABLE (tenant_id uuid, body_id uuid, seat_role text, member_id uuid, module_key text,
                       regional boolean, valid_until date, status text)
        LANGUAGE sql STABLE
        AS $fn$
          WITH modules AS (
            SELECT m.id AS tenant_id, r.key, r.audience, true AS regional
              FROM regional_training_module r JOIN municipality m ON m.region_id = r.region_id
             WHERE r.published_at IS NOT NULL
            UNION ALL
            SELECT t.tenant_id, t.key, t.audience, false FROM training_module t
          )
          SELECT bm.tenant_id, bm.body_id, bm.role, bm.member_id, mo.key, mo.regional, best.until,
                 CASE WHEN best.until IS NULL THEN 'missing'
                      WHEN best.until >= on_date + 30 THEN 'trained'
                      WHEN best.until >= on_date THEN 'expiring'
                      ELSE 'expired' END
            FROM body_membership bm
            JOIN modules mo ON mo.tenant_id = bm.tenant_id
             AND mo.audience && CASE WHEN bm.role IN ('chair', 'vice_chair') THEN ARRAY['member', 'chair'] ELSE ARRAY['member'] END
            LEFT JOIN LATERAL (
              SELECT max(COALESCE(c.valid_until, 'infinity'::date)) AS until
                FROM training_completion c
               WHERE c.tenant_id = bm.tenant_id AND c.member_id = bm.member_id
                 AND c.module_key = mo.key AND c.completed_on <= on_date
            ) best ON true
        $fn$;
      GRANT EXECUTE ON FUNCTION training_seat_status(date) TO motesplats_api;

      -- What a regional coordinator may see of the municipalities' training: counts per
      -- municipality, regional module and seat role — never a member. It runs as its owner to
      -- count across municipalities, answers only region-wide callers (no tenant bound), and
      -- only for the region bound to the transaction.
      CREATE FUNCTION regional_training_coverage(on_date date)
        RETURNS TABLE (municipality_id uuid, module_key text, seat_role text,
                       trained integer, expiring integer, expired integer, missing integer)
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$
          SELECT s.tenant_id, s.module_key, s.seat_role,
                 count(DISTINCT s.member_id) FILTER (WHERE s.status = 'trained')::integer,
                 count(DISTINCT s.member_id) FILTER (WHERE s.status = 'expiring')::integer,
                 count(DISTINCT s.member_id) FILTER (WHERE s.status = 'expired')::integer,
                 count(DISTINCT s.member_id) FILTER (WHERE s.status = 'missing')::integer
            FROM training_seat_status(on_date) s
            JOIN municipality m ON m.id = s.tenant_id
           WHERE s.regional
             AND app_current_tenant() IS NULL
             AND m.region_id = NULLIF(current_setting('app.region_id', true), '')::uuid
           GROUP BY s.tenant_id, s.module_key, s.seat_role
        $fn$;
      REVOKE ALL ON FUNCTION regional_training_coverage(date) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION regional_training_coverage(date) TO motesplats_api;
    `);
    // The function's owner (whoever runs migrations) reads seats and completions across
    // municipalities for the counts; FORCE ROW LEVEL SECURITY would otherwise hide them from a
    // non-superuser owner. The API role is not the owner and gains nothing from this.
    for (const table of ['body_membership', 'training_completion', 'training_module']) {
      await q.query(`CREATE POLICY regional_rollup ON ${table} FOR SELECT TO CURRENT_USER USING (true)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION regional_training_coverage(date);
      DROP FUNCTION training_seat_status(date);
      DROP POLICY regional_rollup ON body_membership;
      DROP TABLE training_reminder, training_completion, practice_session_invitee, practice_session, training_module, regional_training_module;
    `);
  }
}
