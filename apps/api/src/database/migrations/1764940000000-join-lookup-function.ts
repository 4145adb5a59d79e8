import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The join route's look-up as a PL/pgSQL function (issue 12). Sent as one simple-protocol
 * message, the six-table select with its row-level security policies was parsed and planned on
 * every request — most of the route's time in Postgres (0.65–0.75 ms planning, 0.15–0.2 ms
 * executing). PL/pgSQL keeps the plans of its statements for the connection's life, and the
 * API calls the function through a named prepared statement, so a request only executes.
 *
 * SECURITY INVOKER: it runs as the API's role under row-level security, like the statement it
 * replaces; its names are schema-qualified instead of pinning search_path with a SET clause,
 * which Postgres would save and restore on every call. It binds the municipality transaction-locally from token_tenant(), the one SECURITY
 * DEFINER function that answers only that, so the rows it reads are that municipality's; the
 * call's own transaction ends with it. token_tenant() becomes PL/pgSQL too, for the same reason
 * (a SQL function that cannot be inlined is planned on every call).
 */
export class JoinLookupFunction1764940000000 implements MigrationInterface {
  name = 'JoinLookupFunction1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION token_tenant(hash bytea) RETURNS uuid
        LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp
        AS $fn$
        BEGIN
          RETURN (SELECT (array_agg(tenant_id))[1] FROM (
            SELECT tenant_id FROM join_link WHERE token_hash = hash
            UNION ALL
            SELECT tenant_id FROM calendar_feed WHERE token_hash = hash
            LIMIT 2
          ) found
          HAVING count(*) = 1);
        END
        $fn$;

      CREATE FUNCTION join_lookup(hash bytea) RETURNS jsonb
        LANGUAGE plpgsql VOLATILE SECURITY INVOKER
        AS $fn$
        DECLARE
          tenant uuid := public.token_tenant(hash);
        BEGIN
          IF tenant IS NULL THEN
            RETURN NULL;
          END IF;
          PERFORM set_config('app.tenant_id', tenant::text, true), set_config('app.region_id', '', true);
          RETURN (
            SELECT jsonb_build_object(
              'tenantId', tenant,
              'link', to_jsonb(l) - 'token_hash',
              'member', to_jsonb(m),
              'room', to_jsonb(r),
              'meeting', to_jsonb(mt),
              'body', to_jsonb(b),
              'settings', to_jsonb(s),
              'recesses', (SELECT jsonb_agg(x ORDER BY x.started_at) FROM public.meeting_recess x WHERE x.tenant_id = l.tenant_id AND x.meeting_id = l.meeting_id),
              'ruleSets', (SELECT jsonb_agg(jsonb_build_array(v.tenant_id, v.id, v.status) ORDER BY v.version DESC) FROM public.rule_set_version v WHERE v.status = 'published'))
              FROM public.join_link l
              LEFT JOIN public.member m ON m.tenant_id = l.tenant_id AND m.id = l.member_id
              LEFT JOIN public.breakout_room r ON r.tenant_id = l.tenant_id AND r.id = l.room_id
              LEFT JOIN public.meeting mt ON mt.tenant_id = l.tenant_id AND mt.id = l.meeting_id
              LEFT JOIN public.body b ON b.tenant_id = mt.tenant_id AND b.id = mt.body_id
              LEFT JOIN public.municipality_settings s ON s.tenant_id = l.tenant_id
             WHERE l.token_hash = hash);
        END
        $fn$;
      REVOKE ALL ON FUNCTION join_lookup(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION join_lookup(bytea) TO motesplats_api;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION join_lookup(bytea);
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
    `);
  }
}
