import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1763884800000-foundation.js';

const TABLES = ['municipality_settings', 'meeting_recess', 'video_meeting', 'breakout_room', 'join_link', 'calendar_feed'];

/**
 * Party-group break-out rooms (the Timrå rule) and the personal links members join by.
 *
 * The join route has no signed-in user, so it cannot know the tenant before it looks the token
 * up. Rather than a lookup table outside row-level security (a second copy of every token hash
 * to keep in step, and a table whose tenant_id no policy guards), one narrow SECURITY DEFINER
 * function answers "which municipality owns this token hash?" and nothing else. It runs as
 * `motesplats_token_lookup`, a role that cannot log in, may read only the hash and tenant
 * columns, and is the only role a dedicated policy lets see across tenants. The API role may
 * execute the function but still reads the link itself inside that tenant's transaction.
 */
export class BreakoutRooms1764200000000 implements MigrationInterface {
  name = 'BreakoutRooms1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality_settings (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        -- Sites (https origins) allowed to embed the member's join page (CSP frame-ancestors).
        embed_origins text[] NOT NULL DEFAULT '{}',
        video_platform text NOT NULL DEFAULT 'jitsi' CHECK (video_platform IN ('jitsi', 'zoom', 'teams')),
        -- How long before a room first opens its links go out by e-mail.
        link_delivery_lead_minutes integer NOT NULL DEFAULT 1440 CHECK (link_delivery_lead_minutes BETWEEN 0 AND 20160),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      );

      CREATE TABLE meeting_recess (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id) ON DELETE CASCADE,
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      );
      CREATE INDEX meeting_recess_meeting_idx ON meeting_recess (tenant_id, meeting_id, started_at);
      CREATE UNIQUE INDEX meeting_recess_one_open ON meeting_recess (tenant_id, meeting_id) WHERE ended_at IS NULL;

      -- The meeting as provisioned on the video platform: stored before anything is created
      -- again, so a retried job finds it.
      CREATE TABLE video_meeting (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        meeting_id uuid NOT NULL,
        platform text NOT NULL,
        external_id text,
        provisioned_at timestamptz,
        closed_at timestamptz,
        -- Ids of the window-edge jobs now scheduled, so a move replaces them.
        scheduled_jobs text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, meeting_id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE breakout_room (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        -- NOT NULL: a room exists only alongside a meeting the municipality convened.
        meeting_id uuid NOT NULL,
        party_group_id uuid NOT NULL,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'open', 'closed', 'cancelled')),
        external_id text,
        opened_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, party_group_id) REFERENCES party_group (tenant_id, id),
        UNIQUE (tenant_id, meeting_id, party_group_id)
      );

      CREATE TABLE join_link (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        -- NULL: the link to the meeting itself, for a member taking part remotely.
        room_id uuid,
        member_id uuid NOT NULL,
        -- SHA-256 of the token; the token itself is never stored. NULL until first issued.
        token_hash bytea UNIQUE CHECK (token_hash IS NULL OR length(token_hash) = 32),
        issued_at timestamptz,
        revoked_at timestamptz,
        delivered_at timestamptz,
        delivery_channel text CHECK (delivery_channel IN ('email', 'secretary')),
        delivery_error text,
        first_used_at timestamptz,
        last_used_at timestamptz,
        use_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, room_id) REFERENCES breakout_room (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX join_link_one_per_room ON join_link (tenant_id, room_id, member_id) WHERE room_id IS NOT NULL;
      CREATE UNIQUE INDEX join_link_one_per_meeting ON join_link (tenant_id, meeting_id, member_id) WHERE room_id IS NULL;
      CREATE INDEX join_link_meeting_idx ON join_link (tenant_id, meeting_id);

      CREATE TABLE calendar_feed (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES municipality(id),
        id uuid NOT NULL,
        member_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, member_id)
      );
    `);
    for (const table of TABLES) await q.query(isolateTenantTable(table));
    await q.query(`
      -- Roles are cluster-wide: several databases (test runs) may migrate at once.
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motesplats_token_lookup') THEN
          CREATE ROLE motesplats_token_lookup NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
        -- The migrating role must be able to hand the function over to the lookup role.
        IF NOT pg_has_role(current_user, 'motesplats_token_lookup', 'MEMBER') THEN
          EXECUTE format('GRANT motesplats_token_lookup TO %I', current_user);
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$;
      GRANT USAGE ON SCHEMA public TO motesplats_token_lookup;
      GRANT SELECT (tenant_id, token_hash) ON join_link, calendar_feed TO motesplats_token_lookup;
      CREATE POLICY token_lookup ON join_link FOR SELECT TO motesplats_token_lookup USING (true);
      CREATE POLICY token_lookup ON calendar_feed FOR SELECT TO motesplats_token_lookup USING (true);

      CREATE FUNCTION token_tenant(hash bytea) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$
          SELECT tenant_id FROM join_link WHERE token_hash = hash
          UNION ALL
          SELECT tenant_id FROM calendar_feed WHERE token_hash = hash
          LIMIT 1
        $fn$;
      ALTER FUNCTION token_tenant(bytea) OWNER TO motesplats_token_lookup;
      REVOKE ALL ON FUNCTION token_tenant(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION token_tenant(bytea) TO motesplats_api;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION token_tenant(bytea)`);
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}
