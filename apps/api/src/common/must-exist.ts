import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { TenantDb } from '../database/tenant-db.service.js';
import { badInput } from './app-error.js';

/**
 * Checks that an id given in an input names a row the caller can see. Another
 * municipality's rows are invisible under RLS, so they are reported exactly like unknown ids.
 */
export async function mustExist<E extends ObjectLiteral>(
  db: TenantDb,
  entity: EntityTarget<E>,
  id: string | null | undefined,
  field: string,
  label: string,
): Promise<void> {
  if (!id) return;
  const em = await db.manager();
  const found = await em.getRepository(entity).exists({ where: { id } as never });
  if (!found) throw badInput(`${label} ${id} finns inte.`, { [field]: 'finns inte' });
}
