import DataLoader from 'dataloader';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { TenantDb } from '../database/tenant-db.service.js';
import { perRequest } from './request-context.js';

/**
 * One DataLoader per entity per request: every relation a list touches is fetched in one
 * `id IN (...)` query inside the request's tenant transaction.
 */
export function byIdLoader<E extends ObjectLiteral & { id: string }>(db: TenantDb, entity: EntityTarget<E>): DataLoader<string, E | null> {
  return perRequest(
    entity,
    () =>
      new DataLoader<string, E | null>(async (ids) => {
        const em = await db.manager();
        const rows = await em.getRepository(entity).find({ where: { id: In([...ids]) } as never });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** Loads the row a nullable foreign key points at. */
export function loadRef<E extends ObjectLiteral & { id: string }>(db: TenantDb, entity: EntityTarget<E>, id: string | null | undefined): Promise<E | null> {
  return id ? byIdLoader(db, entity).load(id) : Promise.resolve(null);
}
