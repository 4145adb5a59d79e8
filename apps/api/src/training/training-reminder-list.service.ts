import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../common/crud/crud.service.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { TrainingReminder } from './training-reminder.entity.js';
import type { TrainingReminderFilter } from './training.inputs.js';

/** The reminders sent and the secretary's list, as a filtered, paged list. */
@Injectable()
export class TrainingReminderList extends CrudService<TrainingReminder, TrainingReminderFilter> {
  constructor(db: TenantDb) {
    super(db, {
      entity: TrainingReminder,
      label: 'Påminnelsen',
      sortable: { validUntil: 'validUntil', createdAt: 'createdAt' },
      defaultSort: 'validUntil',
      searchColumns: ['moduleKey'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<TrainingReminder>, f: TrainingReminderFilter): void {
    if (f.channel) qb.andWhere('r.channel = :channel', { channel: f.channel });
    if (f.memberId) qb.andWhere('r.memberId = :memberId', { memberId: f.memberId });
  }
}
