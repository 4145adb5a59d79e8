import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which municipalities of the coordinator's region use the support pool. Settings rows are
 * the municipalities' own (forced RLS), so the coordinator reads them through a function
 * that returns the opt-in flag only, for the caller's region only, and nothing to a
 * municipal session (app_region_scope() is null there).
 */
export class SupportPoolOptins1764890000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION regional_support_pool_optins()
        RETURNS TABLE (municipality_id uuid, name text, uses_pool boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $fn$
          SELECT m.id, m.name, COALESCE(s.uses_regional_pool, false)
            FROM municipality m
            LEFT JOIN support_settings s ON s.tenant_id = m.id
           WHERE m.region_id = app_region_scope()
        $fn$;
      REVOKE ALL ON FUNCTION regional_support_pool_optins() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION regional_support_pool_optins() TO motesplats_api;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION regional_support_pool_optins()');
  }
}
