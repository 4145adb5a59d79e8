import { REGIONAL_PLATFORM_CATALOG } from '@motesplats/rules';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Gives a region the platform catalog the Fyrbodal study describes. Rows the region already
 * has are left alone, so its own corrections survive re-seeding. Runs as region-wide work
 * (no municipality bound), which is what the catalog's row-level policy lets write; call it
 * inside a transaction, since the setting is transaction-local.
 */
export async function seedPlatformCatalog(db: Queryable, regionId: string): Promise<void> {
  await db.query(`select set_config('app.tenant_id', '', true), set_config('app.region_id', $1, true)`, [regionId]);
  const params: unknown[] = [regionId];
  const rows = REGIONAL_PLATFORM_CATALOG.map((p) => {
    const [key, name, gallery, residency, eId, cost, note] = [
      p.key,
      p.name,
      p.gallerySize,
      p.dataResidency,
      p.eIdSignIn,
      p.licenceCostSekPerUserYear,
      p.note,
    ].map((v) => `$${params.push(v)}`);
    return `($1::uuid, ${key}::text, ${name}::text, ${gallery}::int, ${residency}::text, ${eId}::boolean, ${cost}::int, ${note}::text)`;
  });
  await db.query(
    `INSERT INTO video_platform (region_id, key, name, gallery_size, data_residency, e_id_sign_in, licence_cost_sek_per_user_year, note)
     VALUES ${rows.join(', ')} ON CONFLICT (region_id, key) DO NOTHING`,
    params,
  );
}
