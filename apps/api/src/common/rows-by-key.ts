import DataLoader from 'dataloader';
import { In, type EntityTarget, type FindOptionsOrder, type ObjectLiteral } from 'typeorm';
import type { TenantDb } from '../database/tenant-db.service.js';
import { perRequest } from './request-context.js';

/**
 * "The rows of each parent" (a meeting's rooms, a session's invitees), one DataLoader per request
 * under `name`: a list that shows them for many parents costs one `key IN (…)` statement. Each
 * parent's rows come in `order`; a parent without rows gets an empty list.
 */
export function rowsByKey<E extends ObjectLiteral>(
  db: TenantDb,
  name: string,
  entity: EntityTarget<E>,
  key: keyof E & string,
  order: FindOptionsOrder<E>,
): DataLoader<string, E[]> {
  return perRequest(
    name,
    () =>
      new DataLoader<string, E[]>(async (keys) => {
        const em = await db.manager();
        const rows = await em.getRepository(entity).find({ where: { [key]: In([...keys]) } as never, order });
        const by = new Map<string, E[]>(keys.map((k) => [k, []]));
        for (const row of rows) by.get(row[key] as string)?.push(row);
        return keys.map((k) => by.get(k)!);
      }),
  );
}
