import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables a municipality owns: each gets tenant-first keys, RLS enabled and forced, one policy. */
export const TENANT_TABLES = ['body', 'party', 'party_group', 'member', 'body_membership', 'meeting', 'agenda_item', 'attendance'];

/** Row-level security for a municipality-owned table, and the API role's access to it. */
export function isolateTenantTable(table: string): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON ${table}
      USING (tenant_id = app_current_tenant())
      WITH CHECK (tenant_id = app_current_tenant());
    GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO motesplats_api;
  `;
}

/**
 * The foundation schema: region and municipality registry (not tenant-owned: names and codes
 * are public), and the meeting model owned by each municipality.
 */
export class Foundation1763884800000 implements MigrationInterface {
  name = 'Foundation1763884800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motesplats_api') THEN
          CREATE ROLE motesplats_api NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$;

      -- STABLE SQL so the planner can inline it and keep index scans on tenant_id.
      CREATE FUNCTION app_current_tenant() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $fn$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $fn$;

      CREATE TABLE region (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        slug text NOT NULL UNIQUE
      );

      CREATE TABLE municipality (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        name text NOT NULL,
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{4}$'),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$')
      );
      CREATE INDEX municipality_region_idx ON municipality (region_id);

      CREATE TABLE body (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        kind text NOT NULL CHECK (kind IN ('council', 'executive_board', 'committee', 'sub_committee', 'company_board')),
        parent_body_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, parent_body_id) REFERENCES body (tenant_id, id),
        -- a sub-committee always answers to a parent body; nothing else has one
        CHECK ((kind = 'sub_committee') = (parent_body_id IS NOT NULL))
      );
      CREATE INDEX body_parent_idx ON body (tenant_id, parent_body_id);

      CREATE TABLE party (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        abbreviation text NOT NULL CHECK (length(trim(abbreviation)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, abbreviation)
      );

      CREATE TABLE party_group (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        party_id uuid NOT NULL,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        council_seats integer NOT NULL DEFAULT 0 CHECK (council_seats >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, party_id) REFERENCES party (tenant_id, id),
        UNIQUE (tenant_id, party_id)
      );

      CREATE TABLE member (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        email text,
        phone text,
        party_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, party_id) REFERENCES party (tenant_id, id)
      );
      CREATE INDEX member_party_idx ON member (tenant_id, party_id);
      CREATE INDEX member_name_idx ON member (tenant_id, lower(name));

      CREATE TABLE body_membership (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        body_id uuid NOT NULL,
        member_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member', 'deputy')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, body_id) REFERENCES body (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, body_id, member_id)
      );
      CREATE UNIQUE INDEX body_membership_one_chair ON body_membership (tenant_id, body_id) WHERE role = 'chair';
      CREATE INDEX body_membership_member_idx ON body_membership (tenant_id, member_id);

      CREATE TABLE meeting (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        body_id uuid NOT NULL,
        title text NOT NULL CHECK (length(trim(title)) > 0),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text NOT NULL,
        status text NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'convened', 'in_progress', 'recess', 'ended', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, body_id) REFERENCES body (tenant_id, id),
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX meeting_starts_idx ON meeting (tenant_id, starts_at);
      CREATE INDEX meeting_body_idx ON meeting (tenant_id, body_id, starts_at);

      CREATE TABLE agenda_item (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        title text NOT NULL CHECK (length(trim(title)) > 0),
        confidential boolean NOT NULL DEFAULT false,
        closed_vote boolean NOT NULL DEFAULT false,
        kinds text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, meeting_id, number)
      );

      CREATE TABLE attendance (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        member_id uuid NOT NULL,
        mode text NOT NULL CHECK (mode IN ('on_site', 'remote', 'absent')),
        joined_at timestamptz,
        left_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, meeting_id, member_id),
        CHECK (left_at IS NULL OR joined_at IS NULL OR left_at >= joined_at)
      );
      CREATE INDEX attendance_member_idx ON attendance (tenant_id, member_id);

      GRANT USAGE ON SCHEMA public TO motesplats_api;
      GRANT SELECT ON region, municipality TO motesplats_api;
      GRANT EXECUTE ON FUNCTION app_current_tenant() TO motesplats_api;
    `);
    for (const table of TENANT_TABLES) await q.query(isolateTenantTable(table));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP TABLE municipality; DROP TABLE region; DROP FUNCTION app_current_tenant();`);
  }
}
