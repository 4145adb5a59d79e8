import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two holes in what the database itself enforces:
 *
 * - Every role may create temporary tables (PUBLIC holds TEMPORARY on each new database). The
 *   API needs none, and a temporary table is a place to stage data outside row-level security.
 *   Only the owner (who runs migrations) keeps it.
 * - Region-wide coordinators could delete a published regional training module: the write
 *   policy was FOR ALL. Municipalities' completion records and rule sets refer to published
 *   modules, so deleting (or un-publishing, which would make it deletable) is now refused by
 *   the database too, not only by the service.
 */
export class LeastPrivilege1764500100000 implements MigrationInterface {
  name = 'LeastPrivilege1764500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), current_user);
      END $$;

      DROP POLICY coordinators_write ON regional_training_module;
      CREATE POLICY coordinators_insert ON regional_training_module FOR INSERT
        WITH CHECK (app_current_tenant() IS NULL AND region_id = app_current_region());
      CREATE POLICY coordinators_update ON regional_training_module FOR UPDATE
        USING (app_current_tenant() IS NULL AND region_id = app_current_region())
        WITH CHECK (app_current_tenant() IS NULL AND region_id = app_current_region());
      CREATE POLICY coordinators_delete_drafts ON regional_training_module FOR DELETE
        USING (app_current_tenant() IS NULL AND region_id = app_current_region() AND published_at IS NULL);

      CREATE FUNCTION regional_module_stays_published() RETURNS trigger
        LANGUAGE plpgsql AS $fn$
        BEGIN
          IF OLD.published_at IS NOT NULL AND NEW.published_at IS NULL THEN
            RAISE EXCEPTION 'a published regional training module cannot be withdrawn' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END
      $fn$;
      CREATE TRIGGER regional_module_stays_published BEFORE UPDATE ON regional_training_module
        FOR EACH ROW EXECUTE FUNCTION regional_module_stays_published();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER regional_module_stays_published ON regional_training_module;
      DROP FUNCTION regional_module_stays_published();
      DROP POLICY coordinators_delete_drafts ON regional_training_module;
      DROP POLICY coordinators_update ON regional_training_module;
      DROP POLICY coordinators_insert ON regional_training_module;
      CREATE POLICY coordinators_write ON regional_training_module FOR ALL
        USING (app_current_tenant() IS NULL AND region_id = app_current_region())
        WITH CHECK (app_current_tenant() IS NULL AND region_id = app_current_region());
      DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database()); END $$;
    `);
  }
}
