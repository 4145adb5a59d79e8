import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Municipality-owned tables of the experience capability and the rollups. */
const REGION_TENANT_TABLES = ['municipality_region_settings', 'experience_report', 'experience_incident', 'meeting_rollup'];

/**
 * What a municipality shares with its region, and what the region sees of it:
 * - sharing settings per municipality (rules, aggregates, anonymised reports; default on),
 *   readable by its region's coordinators, changeable only by the municipality;
 * - experience reports after meetings with remote participants, and their incidents;
 * - quarterly rollups per municipality and body type that keep the comparison fast;
 * - regional surveys, asked by the association or by a municipality of its neighbours;
 * - security-definer functions that answer only region-wide callers for their own region,
 *   apply each municipality's sharing at call time (a withdrawal counts at once) and
 *   suppress small counts;
 * - the registry itself: a coordinator's session sees only its own region's municipalities.
 */
export class Region1764800000000 implements MigrationInterface {
  name = 'Region1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE region ADD COLUMN suppression_threshold integer NOT NULL DEFAULT 3 CHECK (suppression_threshold BETWEEN 1 AND 50);

      -- The region of a municipality, read as the owner: the registry's own policy below
      -- calls app_current_region(), which must not recurse into that policy.
      CREATE FUNCTION municipality_region(m uuid) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $fn$ SELECT region_id FROM municipality WHERE id = m $fn$;
      GRANT EXECUTE ON FUNCTION municipality_region(uuid) TO motesplats_api;

      CREATE OR REPLACE FUNCTION app_current_region() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $fn$
          SELECT COALESCE(municipality_region(app_current_tenant()), NULLIF(current_setting('app.region_id', true), '')::uuid)
        $fn$;

      -- The region of a region-wide caller (a coordinator); null for a municipality's staff.
      CREATE FUNCTION app_region_scope() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $fn$ SELECT CASE WHEN app_current_tenant() IS NULL THEN NULLIF(current_setting('app.region_id', true), '')::uuid END $fn$;
      GRANT EXECUTE ON FUNCTION app_region_scope() TO motesplats_api;

      -- A count a coordinator may see: null when it is above zero and below the threshold.
      CREATE FUNCTION suppress_small(n numeric, threshold integer) RETURNS numeric
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $fn$ SELECT CASE WHEN n > 0 AND n < threshold THEN NULL ELSE n END $fn$;
      GRANT EXECUTE ON FUNCTION suppress_small(numeric, integer) TO motesplats_api;

      -- The registry: every session sees its own region only. With nothing bound (the API's
      -- directory at start-up, which maps sign-ins to municipalities) the public registry
      -- is readable as before. Not forced: the owner keeps reading it for the functions.
      ALTER TABLE municipality ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own_region ON municipality FOR SELECT USING (
        region_id = app_current_region()
        OR (app_current_tenant() IS NULL AND NULLIF(current_setting('app.region_id', true), '') IS NULL));
      ALTER TABLE region ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own_region ON region FOR SELECT USING (
        id = app_current_region()
        OR (app_current_tenant() IS NULL AND NULLIF(current_setting('app.region_id', true), '') IS NULL));

      CREATE TABLE municipality_region_settings (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        shares_rules boolean NOT NULL DEFAULT true,
        shares_aggregates boolean NOT NULL DEFAULT true,
        shares_reports boolean NOT NULL DEFAULT true,
        -- Where reminders for the municipality's office go (report requests, surveys).
        contact_email text CHECK (contact_email IS NULL OR contact_email ~ '^[^@\\s]+@[^@\\s]+$'),
        updated_by text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      );

      -- Whether a municipality shares something with its region: absent settings share the defaults.
      CREATE FUNCTION municipality_shares(m uuid, what text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $fn$
          SELECT COALESCE((SELECT CASE what WHEN 'rules' THEN shares_rules WHEN 'aggregates' THEN shares_aggregates
                                            WHEN 'reports' THEN shares_reports END
                             FROM municipality_region_settings WHERE tenant_id = m), true)
        $fn$;
      REVOKE ALL ON FUNCTION municipality_shares(uuid, text) FROM PUBLIC;

      CREATE TABLE experience_report (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'submitted')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        due_on date NOT NULL,
        reminded_at timestamptz,
        submitted_at timestamptz,
        submitted_by text,
        platform_key text CHECK (platform_key ~ '^[a-z][a-z0-9_]{0,40}$'),
        on_site_count integer NOT NULL DEFAULT 0 CHECK (on_site_count >= 0),
        remote_count integer NOT NULL DEFAULT 0 CHECK (remote_count >= 0),
        support_sufficient boolean,
        what_worked text NOT NULL DEFAULT '',
        lessons text NOT NULL DEFAULT '',
        rating integer CHECK (rating BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, meeting_id),
        CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
        CHECK (status = 'requested' OR (rating IS NOT NULL AND support_sufficient IS NOT NULL))
      );
      CREATE INDEX experience_report_due_idx ON experience_report (tenant_id, status, due_on);

      CREATE TABLE experience_incident (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        report_id uuid NOT NULL,
        category text NOT NULL CHECK (category IN ('audio', 'video', 'connection', 'sign_in', 'documents', 'voting', 'other')),
        minutes_lost integer NOT NULL DEFAULT 0 CHECK (minutes_lost BETWEEN 0 AND 1440),
        affected_count integer NOT NULL DEFAULT 1 CHECK (affected_count BETWEEN 0 AND 1000),
        resolution text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, report_id) REFERENCES experience_report (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX experience_incident_report_idx ON experience_incident (tenant_id, report_id);

      -- Per municipality, quarter (Stockholm time) and body type: what the comparison reads.
      -- Rebuilt per (municipality, quarter) by refresh_meeting_rollup, from a job after a
      -- meeting ends or a report is submitted, and by a nightly sweep.
      CREATE TABLE meeting_rollup (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        quarter date NOT NULL,
        body_kind text NOT NULL,
        meetings_held integer NOT NULL,
        remote_meetings integer NOT NULL,
        attendances integer NOT NULL,
        remote_attendances integer NOT NULL,
        reports integer NOT NULL,
        incidents integer NOT NULL,
        minutes_lost integer NOT NULL,
        rating_sum integer NOT NULL,
        rating_count integer NOT NULL,
        support_sufficient integer NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, quarter, body_kind)
      );

      -- The quarter a meeting counts in, by its Stockholm start.
      CREATE FUNCTION meeting_quarter(starts_at timestamptz) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $fn$ SELECT date_trunc('quarter', starts_at AT TIME ZONE 'Europe/Stockholm')::date $fn$;
      GRANT EXECUTE ON FUNCTION meeting_quarter(timestamptz) TO motesplats_api;
      CREATE INDEX meeting_quarter_idx ON meeting (tenant_id, meeting_quarter(starts_at)) WHERE status = 'ended';

      -- Runs as the caller: row-level security keeps it to the municipality bound.
      CREATE FUNCTION refresh_meeting_rollup(m uuid, q date) RETURNS void
        LANGUAGE sql VOLATILE
        AS $fn$
          DELETE FROM meeting_rollup WHERE tenant_id = m AND quarter = q;
          INSERT INTO meeting_rollup (tenant_id, quarter, body_kind, meetings_held, remote_meetings, attendances,
                                      remote_attendances, reports, incidents, minutes_lost, rating_sum, rating_count, support_sufficient)
          SELECT mt.tenant_id, q, b.kind, count(*)::int,
                 count(*) FILTER (WHERE a.remote > 0)::int,
                 COALESCE(sum(a.present), 0)::int, COALESCE(sum(a.remote), 0)::int,
                 count(r.id) FILTER (WHERE r.status = 'submitted')::int,
                 COALESCE(sum(i.n) FILTER (WHERE r.status = 'submitted'), 0)::int,
                 COALESCE(sum(i.minutes) FILTER (WHERE r.status = 'submitted'), 0)::int,
                 COALESCE(sum(r.rating) FILTER (WHERE r.status = 'submitted'), 0)::int,
                 count(r.rating) FILTER (WHERE r.status = 'submitted')::int,
                 count(*) FILTER (WHERE r.status = 'submitted' AND r.support_sufficient)::int
            FROM meeting mt
            JOIN body b ON b.tenant_id = mt.tenant_id AND b.id = mt.body_id
            LEFT JOIN LATERAL (
              SELECT count(*) FILTER (WHERE at.mode <> 'absent') AS present, count(*) FILTER (WHERE at.mode = 'remote') AS remote
                FROM attendance at WHERE at.tenant_id = mt.tenant_id AND at.meeting_id = mt.id
            ) a ON true
            LEFT JOIN experience_report r ON r.tenant_id = mt.tenant_id AND r.meeting_id = mt.id
            LEFT JOIN LATERAL (
              SELECT count(*) AS n, sum(minutes_lost) AS minutes FROM experience_incident ei
               WHERE ei.tenant_id = r.tenant_id AND ei.report_id = r.id
            ) i ON true
           WHERE mt.tenant_id = m AND mt.status = 'ended' AND meeting_quarter(mt.starts_at) = q
           GROUP BY mt.tenant_id, b.kind
        $fn$;
      GRANT EXECUTE ON FUNCTION refresh_meeting_rollup(uuid, date) TO motesplats_api;
    `);

    for (const table of REGION_TENANT_TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant())
          WITH CHECK (tenant_id = app_current_tenant());
        -- The owner's security-definer functions read across municipalities; the API role is not the owner.
        CREATE POLICY regional_rollup ON ${table} FOR SELECT TO CURRENT_USER USING (true);
      `);
    }
    for (const table of ['rule_set_version', 'meeting', 'body', 'attendance']) {
      await q.query(`
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE tablename = '${table}' AND policyname = 'regional_rollup') THEN
            CREATE POLICY regional_rollup ON ${table} FOR SELECT TO CURRENT_USER USING (true);
          END IF;
        END $$;
      `);
    }

    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON municipality_region_settings TO motesplats_api;
      -- Coordinators see whether (and what) each municipality of their region shares.
      CREATE POLICY region_reads ON municipality_region_settings FOR SELECT
        USING (app_region_scope() IS NOT NULL AND municipality_region(tenant_id) = app_region_scope());
      GRANT SELECT, INSERT, UPDATE, DELETE ON experience_report, experience_incident, meeting_rollup TO motesplats_api;

      -- Anonymised reports of the caller's region: no meeting, no person, counts suppressed.
      CREATE FUNCTION regional_experience_reports(from_date date, to_date date)
        RETURNS TABLE (report_id uuid, municipality_id uuid, body_kind text, quarter date, platform_key text,
                       on_site_count numeric, remote_count numeric, support_sufficient boolean, what_worked text,
                       lessons text, rating integer, incidents jsonb)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $fn$
          SELECT r.id, r.tenant_id, b.kind, meeting_quarter(mt.starts_at), r.platform_key,
                 suppress_small(r.on_site_count, g.suppression_threshold), suppress_small(r.remote_count, g.suppression_threshold),
                 r.support_sufficient, r.what_worked, r.lessons, r.rating,
                 COALESCE((SELECT jsonb_agg(jsonb_build_object('category', i.category, 'minutesLost', i.minutes_lost,
                                   'affectedCount', suppress_small(i.affected_count, g.suppression_threshold), 'resolution', i.resolution) ORDER BY i.created_at, i.id)
                             FROM experience_incident i WHERE i.tenant_id = r.tenant_id AND i.report_id = r.id), '[]'::jsonb)
            FROM (SELECT m.id FROM municipality m WHERE m.region_id = app_region_scope() AND municipality_shares(m.id, 'reports') OFFSET 0) sharing
            JOIN experience_report r ON r.tenant_id = sharing.id
            JOIN municipality m ON m.id = r.tenant_id
            JOIN region g ON g.id = m.region_id
            JOIN meeting mt ON mt.tenant_id = r.tenant_id AND mt.id = r.meeting_id
            JOIN body b ON b.tenant_id = mt.tenant_id AND b.id = mt.body_id
           WHERE r.status = 'submitted'
             AND (mt.starts_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN from_date AND to_date
        $fn$;

      -- The comparison's figures per municipality (and per quarter when asked), from the
      -- rollups: meeting figures only where the municipality shares aggregates, report
      -- figures only where it shares reports; counts and the ratios built on them suppressed
      -- below the region's threshold.
      CREATE FUNCTION regional_comparison(from_date date, to_date date, kind text, by_quarter boolean)
        RETURNS TABLE (municipality_id uuid, quarter date, meetings_held numeric, remote_meetings numeric,
                       remote_share numeric, reports numeric, incidents numeric, incidents_per_10 numeric,
                       minutes_lost numeric, average_rating numeric, support_sufficient_share numeric)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $fn$
          -- Materialized: the sharing check runs once per municipality, not once per rollup row.
          WITH scope AS MATERIALIZED (
            SELECT m.id, g.suppression_threshold AS t,
                   municipality_shares(m.id, 'aggregates') AS agg, municipality_shares(m.id, 'reports') AS rep
              FROM municipality m JOIN region g ON g.id = m.region_id
             WHERE m.region_id = app_region_scope()
          ), sums AS (
            SELECT s.id, s.t, s.agg, s.rep, CASE WHEN by_quarter THEN r.quarter END AS quarter,
                   sum(r.meetings_held) AS held, sum(r.remote_meetings) AS rmeet, sum(r.attendances) AS att,
                   sum(r.remote_attendances) AS ratt, sum(r.reports) AS reps, sum(r.incidents) AS inc,
                   sum(r.minutes_lost) AS mins, sum(r.rating_sum) AS rsum, sum(r.rating_count) AS rcount,
                   sum(r.support_sufficient) AS sup
              FROM scope s
              JOIN meeting_rollup r ON r.tenant_id = s.id
             WHERE (s.agg OR s.rep)
               AND r.quarter BETWEEN date_trunc('quarter', from_date::timestamp)::date AND to_date
               AND (kind IS NULL OR r.body_kind = kind)
             GROUP BY s.id, s.t, s.agg, s.rep, CASE WHEN by_quarter THEN r.quarter END
          )
          SELECT id, quarter,
                 CASE WHEN agg THEN suppress_small(held, t) END,
                 CASE WHEN agg THEN suppress_small(rmeet, t) END,
                 CASE WHEN agg AND att >= t AND NOT (ratt > 0 AND ratt < t) THEN round(ratt::numeric / att, 4) END,
                 CASE WHEN rep THEN suppress_small(reps, t) END,
                 CASE WHEN rep THEN suppress_small(inc, t) END,
                 CASE WHEN rep AND agg AND held >= t AND NOT (inc > 0 AND inc < t) THEN round(10 * inc::numeric / held, 2) END,
                 CASE WHEN rep AND NOT (inc > 0 AND inc < t) THEN mins END,
                 CASE WHEN rep AND rcount >= t THEN round(rsum::numeric / rcount, 2) END,
                 CASE WHEN rep AND reps >= t AND NOT (sup > 0 AND sup < t) AND NOT (reps - sup > 0 AND reps - sup < t) THEN round(sup::numeric / reps, 4) END
            FROM sums
        $fn$;

      -- The rule set in force on a date, for municipalities that share their rules.
      CREATE FUNCTION regional_rule_sets(on_date date)
        RETURNS TABLE (municipality_id uuid, version integer, decision_reference text, effective_from date,
                       template_id text, content jsonb)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $fn$
          SELECT DISTINCT ON (v.tenant_id) v.tenant_id, v.version, v.decision_reference, v.effective_from, v.template_id, v.content
            FROM rule_set_version v JOIN municipality m ON m.id = v.tenant_id
           WHERE v.status = 'published' AND v.effective_from <= on_date
             AND m.region_id = app_region_scope()
             AND municipality_shares(v.tenant_id, 'rules')
           ORDER BY v.tenant_id, v.effective_from DESC, v.version DESC
        $fn$;

      -- How many distinct people sit on each body type (members and deputies): who would need
      -- a licence where rules name a priced platform. Aggregates only; suppressed when small.
      CREATE FUNCTION regional_seat_counts()
        RETURNS TABLE (municipality_id uuid, body_kind text, people numeric)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $fn$
          SELECT b.tenant_id, b.kind, suppress_small(count(DISTINCT bm.member_id), g.suppression_threshold)
            FROM body_membership bm
            JOIN body b ON b.tenant_id = bm.tenant_id AND b.id = bm.body_id
            JOIN municipality m ON m.id = b.tenant_id
            JOIN region g ON g.id = m.region_id
           WHERE m.region_id = app_region_scope() AND municipality_shares(b.tenant_id, 'aggregates')
           GROUP BY b.tenant_id, b.kind, g.suppression_threshold
        $fn$;
    `);
    for (const fn of [
      'regional_experience_reports(date, date)',
      'regional_comparison(date, date, text, boolean)',
      'regional_rule_sets(date)',
      'regional_seat_counts()',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC; GRANT EXECUTE ON FUNCTION ${fn} TO motesplats_api;`);
    }
    // Training counts are aggregates too: a municipality that stops sharing them leaves the
    // coordinator's coverage at once.
    await q.query(`
      CREATE OR REPLACE FUNCTION regional_training_coverage(on_date date)
        RETURNS TABLE (municipality_id uuid, module_key text, seat_role text,
                       trained integer, expiring integer, expired integer, missing integer)
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$
          SELECT s.tenant_id, s.module_key, s.seat_role,
                 suppress_small(count(DISTINCT s.member_id) FILTER (WHERE s.status = 'trained'), g.suppression_threshold)::integer,
                 suppress_small(count(DISTINCT s.member_id) FILTER (WHERE s.status = 'expiring'), g.suppression_threshold)::integer,
                 suppress_small(count(DISTINCT s.member_id) FILTER (WHERE s.status = 'expired'), g.suppression_threshold)::integer,
                 suppress_small(count(DISTINCT s.member_id) FILTER (WHERE s.status = 'missing'), g.suppression_threshold)::integer
            FROM training_seat_status(on_date) s
            JOIN municipality m ON m.id = s.tenant_id
            JOIN region g ON g.id = m.region_id
           WHERE s.regional
             AND app_current_tenant() IS NULL
             AND m.region_id = NULLIF(current_setting('app.region_id', true), '')::uuid
             AND municipality_shares(s.tenant_id, 'aggregates')
           GROUP BY s.tenant_id, s.module_key, s.seat_role, g.suppression_threshold
        $fn$;

      -- Per municipality: seats × regional modules in all, and those with a valid completion —
      -- the comparison's training coverage. Suppressed like every regional count.
      CREATE FUNCTION regional_training_totals(on_date date)
        RETURNS TABLE (municipality_id uuid, covered numeric, total numeric)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $fn$
          SELECT s.tenant_id,
                 suppress_small(count(*) FILTER (WHERE s.status IN ('trained', 'expiring')), g.suppression_threshold),
                 suppress_small(count(*), g.suppression_threshold)
            FROM training_seat_status(on_date) s
            JOIN municipality m ON m.id = s.tenant_id
            JOIN region g ON g.id = m.region_id
           WHERE s.regional
             AND m.region_id = app_region_scope()
             AND municipality_shares(s.tenant_id, 'aggregates')
           GROUP BY s.tenant_id, g.suppression_threshold
        $fn$;
      REVOKE ALL ON FUNCTION regional_training_totals(date) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION regional_training_totals(date) TO motesplats_api;
    `);

    // Surveys belong to the region. Who may see a survey is on the survey row itself (asker,
    // recipients), so no policy needs another table's policy to decide — no recursion.
    await q.query(`
      CREATE TABLE survey (
        region_id uuid NOT NULL DEFAULT app_current_region() REFERENCES region(id),
        id uuid NOT NULL,
        asked_by_tenant_id uuid REFERENCES municipality(id),
        title text NOT NULL CHECK (length(trim(title)) > 0),
        intro text NOT NULL DEFAULT '',
        deadline timestamptz NOT NULL,
        recipients uuid[] NOT NULL CHECK (cardinality(recipients) > 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, id)
      );
      CREATE TABLE survey_question (
        region_id uuid NOT NULL DEFAULT app_current_region(),
        survey_id uuid NOT NULL,
        id uuid NOT NULL,
        position integer NOT NULL CHECK (position > 0),
        text text NOT NULL CHECK (length(trim(text)) > 0),
        kind text NOT NULL CHECK (kind IN ('choice', 'number', 'text')),
        PRIMARY KEY (region_id, id),
        FOREIGN KEY (region_id, survey_id) REFERENCES survey (region_id, id) ON DELETE CASCADE,
        UNIQUE (region_id, survey_id, position)
      );
      CREATE TABLE survey_recipient (
        region_id uuid NOT NULL DEFAULT app_current_region(),
        survey_id uuid NOT NULL,
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        answered_at timestamptz,
        answered_by text,
        PRIMARY KEY (region_id, survey_id, municipality_id),
        FOREIGN KEY (region_id, survey_id) REFERENCES survey (region_id, id) ON DELETE CASCADE
      );
      CREATE TABLE survey_answer (
        region_id uuid NOT NULL DEFAULT app_current_region(),
        survey_id uuid NOT NULL,
        municipality_id uuid NOT NULL,
        question_id uuid NOT NULL,
        choice text CHECK (choice IN ('yes', 'no', 'partly')),
        number numeric,
        text text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, survey_id, municipality_id, question_id),
        FOREIGN KEY (region_id, survey_id, municipality_id) REFERENCES survey_recipient (region_id, survey_id, municipality_id) ON DELETE CASCADE,
        FOREIGN KEY (region_id, question_id) REFERENCES survey_question (region_id, id) ON DELETE CASCADE
      );
      -- One reminder per recipient and day: a retried or repeated job sends nothing twice.
      CREATE TABLE survey_reminder (
        region_id uuid NOT NULL DEFAULT app_current_region(),
        survey_id uuid NOT NULL,
        municipality_id uuid NOT NULL,
        reminded_on date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'listed')),
        sent_at timestamptz,
        PRIMARY KEY (region_id, survey_id, municipality_id, reminded_on),
        FOREIGN KEY (region_id, survey_id, municipality_id) REFERENCES survey_recipient (region_id, survey_id, municipality_id) ON DELETE CASCADE
      );

      ALTER TABLE survey ENABLE ROW LEVEL SECURITY;
      ALTER TABLE survey FORCE ROW LEVEL SECURITY;
      CREATE POLICY survey_read ON survey FOR SELECT USING (
        region_id = app_current_region()
        AND (app_current_tenant() IS NULL OR asked_by_tenant_id = app_current_tenant() OR app_current_tenant() = ANY (recipients)));
      -- The association asks as itself; a municipality asks as itself, of its own region only.
      CREATE POLICY survey_write ON survey FOR ALL
        USING (region_id = app_current_region() AND asked_by_tenant_id IS NOT DISTINCT FROM app_current_tenant())
        WITH CHECK (region_id = app_current_region() AND asked_by_tenant_id IS NOT DISTINCT FROM app_current_tenant()
                    AND NOT EXISTS (SELECT 1 FROM unnest(recipients) r WHERE municipality_region(r) IS DISTINCT FROM region_id));

      ALTER TABLE survey_question ENABLE ROW LEVEL SECURITY;
      ALTER TABLE survey_question FORCE ROW LEVEL SECURITY;
      CREATE POLICY question_read ON survey_question FOR SELECT USING (
        EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_question.region_id AND s.id = survey_question.survey_id));
      CREATE POLICY question_write ON survey_question FOR ALL
        USING (EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_question.region_id AND s.id = survey_question.survey_id
                         AND s.asked_by_tenant_id IS NOT DISTINCT FROM app_current_tenant()))
        WITH CHECK (EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_question.region_id AND s.id = survey_question.survey_id
                         AND s.asked_by_tenant_id IS NOT DISTINCT FROM app_current_tenant()));

      ALTER TABLE survey_recipient ENABLE ROW LEVEL SECURITY;
      ALTER TABLE survey_recipient FORCE ROW LEVEL SECURITY;
      -- The asker (and the region's coordinators) see every recipient; a recipient only itself.
      CREATE POLICY recipient_read ON survey_recipient FOR SELECT USING (
        EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_recipient.region_id AND s.id = survey_recipient.survey_id
                  AND (app_current_tenant() IS NULL OR s.asked_by_tenant_id = app_current_tenant() OR survey_recipient.municipality_id = app_current_tenant())));
      CREATE POLICY recipient_ask ON survey_recipient FOR INSERT WITH CHECK (
        EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_recipient.region_id AND s.id = survey_recipient.survey_id
                  AND s.asked_by_tenant_id IS NOT DISTINCT FROM app_current_tenant() AND survey_recipient.municipality_id = ANY (s.recipients)));
      CREATE POLICY recipient_answers ON survey_recipient FOR UPDATE
        USING (municipality_id = app_current_tenant())
        WITH CHECK (municipality_id = app_current_tenant()
                    AND EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_recipient.region_id AND s.id = survey_recipient.survey_id AND s.deadline > now()));

      ALTER TABLE survey_answer ENABLE ROW LEVEL SECURITY;
      ALTER TABLE survey_answer FORCE ROW LEVEL SECURITY;
      CREATE POLICY answer_read ON survey_answer FOR SELECT USING (
        EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_answer.region_id AND s.id = survey_answer.survey_id
                  AND (app_current_tenant() IS NULL OR s.asked_by_tenant_id = app_current_tenant() OR survey_answer.municipality_id = app_current_tenant())));
      -- Each recipient writes its own answers, until the deadline.
      CREATE POLICY answer_write ON survey_answer FOR ALL
        USING (municipality_id = app_current_tenant())
        WITH CHECK (municipality_id = app_current_tenant()
                    AND EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_answer.region_id AND s.id = survey_answer.survey_id AND s.deadline > now()));

      ALTER TABLE survey_reminder ENABLE ROW LEVEL SECURITY;
      ALTER TABLE survey_reminder FORCE ROW LEVEL SECURITY;
      CREATE POLICY reminder_asker ON survey_reminder FOR ALL
        USING (EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_reminder.region_id AND s.id = survey_reminder.survey_id
                         AND s.asked_by_tenant_id IS NOT DISTINCT FROM app_current_tenant()))
        WITH CHECK (EXISTS (SELECT 1 FROM survey s WHERE s.region_id = survey_reminder.region_id AND s.id = survey_reminder.survey_id
                         AND s.asked_by_tenant_id IS NOT DISTINCT FROM app_current_tenant()));

      GRANT SELECT, INSERT, UPDATE, DELETE ON survey, survey_question TO motesplats_api;
      GRANT SELECT, INSERT, UPDATE ON survey_recipient, survey_reminder TO motesplats_api;
      GRANT SELECT, INSERT, UPDATE, DELETE ON survey_answer TO motesplats_api;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE survey_reminder, survey_answer, survey_recipient, survey_question, survey;
      DROP FUNCTION regional_training_totals(date); DROP FUNCTION regional_seat_counts(); DROP FUNCTION regional_rule_sets(date);
      DROP FUNCTION regional_comparison(date, date, text, boolean); DROP FUNCTION regional_experience_reports(date, date);
      DROP FUNCTION refresh_meeting_rollup(uuid, date);
      DROP INDEX meeting_quarter_idx; DROP FUNCTION meeting_quarter(timestamptz);
      DROP TABLE meeting_rollup, experience_incident, experience_report;
      DROP FUNCTION municipality_shares(uuid, text);
      DROP TABLE municipality_region_settings;
      DROP POLICY own_region ON region; ALTER TABLE region DISABLE ROW LEVEL SECURITY;
      DROP POLICY own_region ON municipality; ALTER TABLE municipality DISABLE ROW LEVEL SECURITY;
      DROP FUNCTION suppress_small(numeric, integer); DROP FUNCTION app_region_scope();
      CREATE OR REPLACE FUNCTION app_current_region() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT COALESCE((SELECT region_id FROM municipality WHERE id = app_current_tenant()), NULLIF(current_setting('app.region_id', true), '')::uuid) $fn$;
      DROP FUNCTION municipality_region(uuid);
      ALTER TABLE region DROP COLUMN suppression_threshold;
    `);
  }
}
