import DataLoader from 'dataloader';
import { perRequest } from '../common/request-context.js';
import type { TenantDb } from '../database/tenant-db.service.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Attendance } from './attendance.entity.js';
import { MeetingRecess } from './meeting-recess.entity.js';

type PerMeeting = typeof AgendaItem | typeof Attendance | typeof MeetingRecess;

/**
 * A meeting list that shows agendas or attendance loads them for all its meetings at once.
 *
 * Rows come back as plain objects with the entity's property names, not hydrated entities: a
 * council's page holds a thousand agenda items and as many attendances, and hydrating them was
 * a large share of the list's CPU time (issue #12). Nothing downstream needs entity instances;
 * writes go through the services' repositories.
 */
export function byMeeting<T extends PerMeeting>(db: TenantDb, entity: T, orderBy: 'number' | 'createdAt' | 'startedAt'): DataLoader<string, InstanceType<T>[]> {
  // A string key: the memo is a Map, and a fresh array per call never matched, so every meeting got its own loader and statement.
  return perRequest(
    `byMeeting:${entity.name}`,
    () =>
      new DataLoader<string, InstanceType<T>[]>(async (meetingIds) => {
        const em = await db.manager();
        const metadata = em.connection.getMetadata(entity);
        const column = (property: string) => metadata.findColumnWithPropertyName(property)!.databaseName;
        // Timestamps as epoch milliseconds, made Dates here: pg's text parser for timestamptz was
        // the largest single cost of reading a page's rows.
        const stamps = metadata.columns.filter((c) => c.type === 'timestamptz').map((c) => c.propertyName);
        const columns = metadata.columns
          .map((c) =>
            c.type === 'timestamptz'
              ? `floor(extract(epoch from "${c.databaseName}") * 1000)::float8 as "${c.propertyName}"`
              : `"${c.databaseName}" as "${c.propertyName}"`,
          )
          .join(', ');
        const rows: Record<string, unknown>[] = await em.query(
          `select ${columns} from "${metadata.tableName}" where "${column('meetingId')}" = any($1::uuid[]) order by "${column(orderBy)}", "${column('id')}"`,
          [meetingIds],
        );
        const grouped = new Map<string, InstanceType<T>[]>(meetingIds.map((id) => [id, []]));
        for (const row of rows) {
          for (const p of stamps) if (row[p] !== null) row[p] = new Date(row[p] as number);
          grouped.get(row.meetingId as string)?.push(row as InstanceType<T>);
        }
        return meetingIds.map((id) => grouped.get(id)!);
      }),
  );
}
