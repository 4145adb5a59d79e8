import type { DataSource } from 'typeorm';

/**
 * The municipality that owns a token hash, or null. Nobody is signed in on the join and feed
 * routes, so the tenant is not known before the lookup: token_tenant() (SECURITY DEFINER, see
 * the BreakoutRooms migration) answers only this, and everything else is then read inside
 * that municipality's own transaction, under its row-level security.
 */
export async function tokenOwner(dataSource: DataSource, hash: Buffer): Promise<string | null> {
  const [{ tenant }] = await dataSource.query('select token_tenant($1) as tenant', [hash]);
  return tenant;
}
