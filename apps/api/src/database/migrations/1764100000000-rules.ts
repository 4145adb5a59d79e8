import type { MigrationInterface, QueryRunner } from 'typeorm';
import { seedPlatformCatalog } from '../../rules/platform-catalog-seed.js';

/** Tables a municipality owns, added for the rules capability. */
const RULE_TENANT_TABLES = ['rule_set_version', 'sub_committee_remote_decision'];

/**
 * Rules for remote participation:
 * - region level (no tenant): the platform catalog and the regional rule template, which
 *   every municipality in the region reads and only region-wide staff (coordinators) write;
 * - per municipality: rule-set versions (drafts editable, published rows immutable — the
 *   trigger refuses what a service might forget), the parent committee's decisions that let
 *   a sub-committee meet remotely, and an append-only audit log;
 * - facts the evaluation reads: the meeting's platform, members' verified identity level,
 *   and per attendance: the deputy stepping in, the board member's consent and documents.
 */
export class Rules1764100000000 implements MigrationInterface {
  name = 'Rules1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The region of the current unit of work: a municipality's own region (never one the
      -- caller names), or, for region-wide staff who have no municipality, app.region_id.
      CREATE FUNCTION app_current_region() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $fn$
          SELECT COALESCE(
            (SELECT region_id FROM municipality WHERE id = app_current_tenant()),
            NULLIF(current_setting('app.region_id', true), '')::uuid)
        $fn$;
      GRANT EXECUTE ON FUNCTION app_current_region() TO motesplats_api;

      CREATE TABLE video_platform (
        region_id uuid NOT NULL REFERENCES region(id),
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,40}$'),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        gallery_size integer CHECK (gallery_size > 0),
        data_residency text CHECK (data_residency IN ('SE', 'EU', 'US')),
        e_id_sign_in boolean,
        licence_cost_sek_per_user_year integer CHECK (licence_cost_sek_per_user_year >= 0),
        note text NOT NULL DEFAULT '',
        PRIMARY KEY (region_id, key)
      );

      CREATE TABLE regional_rule_template (
        region_id uuid NOT NULL REFERENCES region(id),
        id uuid NOT NULL,
        key text NOT NULL CHECK (length(trim(key)) > 0),
        version integer NOT NULL CHECK (version > 0),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        content jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text NOT NULL,
        PRIMARY KEY (region_id, id),
        UNIQUE (region_id, version)
      );

      CREATE TABLE rule_set_version (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        decision_reference text NOT NULL,
        decided_by text NOT NULL CHECK (decided_by IN ('council', 'executive_board', 'committee', 'sub_committee', 'company_board')),
        decided_on date,
        effective_from date NOT NULL,
        published_at timestamptz,
        published_by text,
        template_id text,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, version),
        CHECK ((status = 'published') = (published_at IS NOT NULL)),
        CHECK (status = 'draft' OR length(trim(decision_reference)) > 0)
      );
      -- One draft at a time: the editor always knows which one it is working on.
      CREATE UNIQUE INDEX rule_set_version_one_draft ON rule_set_version (tenant_id) WHERE status = 'draft';
      CREATE INDEX rule_set_version_effective_idx ON rule_set_version (tenant_id, effective_from);

      -- Published versions are the record meetings were judged by: never changed, never removed.
      CREATE FUNCTION rule_set_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'rule set version % is published and cannot be changed', OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $fn$;
      CREATE TRIGGER rule_set_version_immutable BEFORE UPDATE OR DELETE ON rule_set_version
        FOR EACH ROW EXECUTE FUNCTION rule_set_version_immutable();

      CREATE TABLE sub_committee_remote_decision (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        body_id uuid NOT NULL,
        allows_remote boolean NOT NULL,
        reference text NOT NULL CHECK (length(trim(reference)) > 0),
        decided_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, body_id) REFERENCES body (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX sub_committee_remote_decision_body_idx ON sub_committee_remote_decision (tenant_id, body_id, decided_on);

      CREATE TABLE audit_log (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id text NOT NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        reason text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX audit_log_subject_idx ON audit_log (tenant_id, subject_type, subject_id, occurred_at);
      CREATE INDEX audit_log_time_idx ON audit_log (tenant_id, occurred_at);

      ALTER TABLE meeting ADD COLUMN platform_key text CHECK (platform_key ~ '^[a-z][a-z0-9_]{0,40}$');
      ALTER TABLE member ADD COLUMN identity_level text NOT NULL DEFAULT 'none'
        CHECK (identity_level IN ('none', 'municipal_account', 'e_id'));
      ALTER TABLE attendance
        ADD COLUMN replaces_member_id uuid,
        ADD COLUMN consents_to_remote boolean NOT NULL DEFAULT false,
        ADD COLUMN documents_delivered boolean NOT NULL DEFAULT false,
        ADD FOREIGN KEY (tenant_id, replaces_member_id) REFERENCES member (tenant_id, id),
        ADD CHECK (replaces_member_id IS NULL OR replaces_member_id <> member_id);
    `);

    for (const table of [...RULE_TENANT_TABLES, 'audit_log']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant())
          WITH CHECK (tenant_id = app_current_tenant());
      `);
    }
    for (const table of RULE_TENANT_TABLES) await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO motesplats_api`);
    // The audit log is append-only for the API: what was overridden stays on record.
    await q.query(`GRANT SELECT, INSERT ON audit_log TO motesplats_api`);

    for (const table of ['video_platform', 'regional_rule_template']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY region_read ON ${table} FOR SELECT USING (region_id = app_current_region());
        -- Only region-wide work (no municipality bound) writes region rows: a municipality
        -- adopts the template, it never edits it.
        CREATE POLICY region_write ON ${table} FOR INSERT
          WITH CHECK (region_id = app_current_region() AND app_current_tenant() IS NULL);
      `);
    }
    await q.query(`
      CREATE POLICY region_update ON video_platform FOR UPDATE
        USING (region_id = app_current_region() AND app_current_tenant() IS NULL)
        WITH CHECK (region_id = app_current_region() AND app_current_tenant() IS NULL);
      GRANT SELECT, INSERT, UPDATE ON video_platform TO motesplats_api;
      -- Templates are published as new versions; earlier ones stay as they were adopted.
      GRANT SELECT, INSERT ON regional_rule_template TO motesplats_api;
    `);

    // Regions that exist already get the catalog; new regions get it when they are created.
    const regions: { id: string }[] = await q.query('SELECT id FROM region');
    for (const region of regions) await seedPlatformCatalog(q, region.id);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attendance DROP COLUMN replaces_member_id, DROP COLUMN consents_to_remote, DROP COLUMN documents_delivered;
      ALTER TABLE member DROP COLUMN identity_level;
      ALTER TABLE meeting DROP COLUMN platform_key;
      DROP TABLE audit_log;
      DROP TABLE sub_committee_remote_decision;
      DROP TABLE rule_set_version;
      DROP FUNCTION rule_set_version_immutable();
      DROP TABLE regional_rule_template;
      DROP TABLE video_platform;
      DROP FUNCTION app_current_region();
    `);
  }
}
