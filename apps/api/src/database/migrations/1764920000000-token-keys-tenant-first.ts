import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Token tables whose hash was unique on its own: join links and both kinds of calendar feed. */
const TOKEN_TABLES = ['join_link', 'calendar_feed', 'support_calendar_feed'];

/**
 * Citus readiness (issue 14): a distributed table can only enforce a unique key that includes
 * the distribution column, so each token hash becomes UNIQUE (tenant_id, token_hash). The
 * unauthenticated lookups know no tenant, so each table also gets a plain index on token_hash
 * (one index probe per shard). Global uniqueness now rests on 256 random bits; should two
 * municipalities ever hold the same hash, the lookups answer no tenant rather than pick one.
 */
export class TokenKeysTenantFirst1764920000000 implements MigrationInterface {
  name = 'TokenKeysTenantFirst1764920000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TOKEN_TABLES) {
      await q.query(`
        ALTER TABLE ${table} DROP CONSTRAINT ${table}_token_hash_key;
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_tenant_token_hash_key UNIQUE (tenant_id, token_hash);
        CREATE INDEX ${table}_token_hash_idx ON ${table} (token_hash);
      `);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION token_tenant(hash bytea) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$
          SELECT (array_agg(tenant_id))[1] FROM (
            SELECT tenant_id FROM join_link WHERE token_hash = hash
            UNION ALL
            SELECT tenant_id FROM calendar_feed WHERE token_hash = hash
            LIMIT 2
          ) found
          HAVING count(*) = 1
        $fn$;
      CREATE OR REPLACE FUNCTION support_feed_tenant(hash bytea) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$
          SELECT (array_agg(tenant_id))[1] FROM (
            SELECT tenant_id FROM support_calendar_feed WHERE token_hash = hash LIMIT 2
          ) found
          HAVING count(*) = 1
        $fn$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION token_tenant(hash bytea) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$
          SELECT tenant_id FROM join_link WHERE token_hash = hash
          UNION ALL
          SELECT tenant_id FROM calendar_feed WHERE token_hash = hash
          LIMIT 1
        $fn$;
      CREATE OR REPLACE FUNCTION support_feed_tenant(hash bytea) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$ SELECT tenant_id FROM support_calendar_feed WHERE token_hash = hash LIMIT 1 $fn$;
    `);
    for (const table of TOKEN_TABLES) {
      await q.query(`
        DROP INDEX ${table}_token_hash_idx;
        ALTER TABLE ${table} DROP CONSTRAINT ${table}_tenant_token_hash_key;
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_token_hash_key UNIQUE (token_hash);
      `);
    }
  }
}
