import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordinator's training figures computed for the region's municipalities only (issue 12,
 * tenant scaling). regional_training_totals() and regional_training_coverage() run as their owner,
 * who sees every municipality's seats and completions, and filtered training_seat_status() — every
 * seat × module × best completion in the country — by region afterwards: the comparison page took
 * ~300 ms at 290 municipalities, and grew with the country, not the region. training_seat_status()
 * now takes the municipalities to compute for; the municipal callers (under row-level security)
 * keep the one-argument form.
 */
const SEAT_STATUS_BODY = (filter: string) => `
  WITH modules AS (
    SELECT m.id AS tenant_id, r.key, r.audience, true AS regional
      FROM regional_training_module r JOIN municipality m ON m.region_id = r.region_id
     WHERE r.published_at IS NOT NULL ${filter.replace(/TENANT/g, 'm.id')}
    UNION ALL
    SELECT t.tenant_id, t.key, t.audience, false FROM training_module t WHERE true ${filter.replace(/TENANT/g, 't.tenant_id')}
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
   WHERE true ${filter.replace(/TENANT/g, 'bm.tenant_id')}`;

const REGIONAL = (seatStatus: string) => `
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
        FROM ${seatStatus} s
        JOIN municipality m ON m.id = s.tenant_id
        JOIN region g ON g.id = m.region_id
       WHERE s.regional
         AND app_current_tenant() IS NULL
         AND m.region_id = NULLIF(current_setting('app.region_id', true), '')::uuid
         AND municipality_shares(s.tenant_id, 'aggregates')
       GROUP BY s.tenant_id, s.module_key, s.seat_role, g.suppression_threshold
    $fn$;

  CREATE OR REPLACE FUNCTION regional_training_totals(on_date date)
    RETURNS TABLE (municipality_id uuid, covered numeric, total numeric)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $fn$
      SELECT s.tenant_id,
             suppress_small(count(*) FILTER (WHERE s.status IN ('trained', 'expiring')), g.suppression_threshold),
             suppress_small(count(*), g.suppression_threshold)
        FROM ${seatStatus} s
        JOIN municipality m ON m.id = s.tenant_id
        JOIN region g ON g.id = m.region_id
       WHERE s.regional
         AND m.region_id = app_region_scope()
         AND municipality_shares(s.tenant_id, 'aggregates')
       GROUP BY s.tenant_id, g.suppression_threshold
    $fn$;`;

export class RegionalTrainingInRegion1764950000000 implements MigrationInterface {
  name = 'RegionalTrainingInRegion1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION training_seat_status(on_date date, tenants uuid[])
        RETURNS TABLE (tenant_id uuid, body_id uuid, seat_role text, member_id uuid, module_key text,
                       regional boolean, valid_until date, status text)
        LANGUAGE sql STABLE
        AS $fn$ ${SEAT_STATUS_BODY('AND TENANT = ANY(tenants)')} $fn$;
      GRANT EXECUTE ON FUNCTION training_seat_status(date, uuid[]) TO motesplats_api;
      ${REGIONAL(`training_seat_status(on_date, ARRAY(SELECT id FROM municipality WHERE region_id = NULLIF(current_setting('app.region_id', true), '')::uuid))`)}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ${REGIONAL('training_seat_status(on_date)')}
      DROP FUNCTION training_seat_status(date, uuid[]);
    `);
  }
}
