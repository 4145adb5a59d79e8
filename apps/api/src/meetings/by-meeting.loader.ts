import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { perRequest } from '../common/request-context.js';
import type { TenantDb } from '../database/tenant-db.service.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Attendance } from './attendance.entity.js';
import { MeetingRecess } from './meeting-recess.entity.js';

type PerMeeting = typeof AgendaItem | typeof Attendance | typeof MeetingRecess;

/** A meeting list that shows agendas or attendance loads them for all its meetings at once. */
export function byMeeting<T extends PerMeeting>(db: TenantDb, entity: T, orderBy: 'number' | 'createdAt' | 'startedAt'): DataLoader<string, InstanceType<T>[]> {
  return perRequest(
    ['byMeeting', entity],
    () =>
      new DataLoader<string, InstanceType<T>[]>(async (meetingIds) => {
        const em = await db.manager();
        const rows = (await em.getRepository(entity).find({
          where: { meetingId: In([...meetingIds]) },
          order: { [orderBy]: 'ASC' },
        })) as InstanceType<T>[];
        const grouped = new Map<string, InstanceType<T>[]>(meetingIds.map((id) => [id, []]));
        for (const row of rows) grouped.get(row.meetingId)?.push(row);
        return meetingIds.map((id) => grouped.get(id)!);
      }),
  );
}
