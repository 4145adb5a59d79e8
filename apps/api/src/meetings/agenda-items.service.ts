import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { conflict } from '../common/app-error.js';
import { CrudService } from '../common/crud/crud.service.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { AgendaItem } from './agenda-item.entity.js';
import type { AgendaItemFilter } from './meeting.inputs.js';
import { MeetingsService } from './meetings.service.js';

@Injectable()
export class AgendaItemsService extends CrudService<AgendaItem, AgendaItemFilter> {
  constructor(
    db: TenantDb,
    private readonly meetings: MeetingsService,
  ) {
    super(db, {
      entity: AgendaItem,
      label: 'Ärendet',
      sortable: { number: 'number', title: 'title' },
      defaultSort: 'number',
      searchColumns: ['title'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<AgendaItem>, f: AgendaItemFilter): void {
    if (f.meetingId) qb.andWhere('r.meetingId = :meetingId', { meetingId: f.meetingId });
  }

  override async create(values: Partial<AgendaItem>): Promise<AgendaItem> {
    await this.meetings.openMeeting(values.meetingId!);
    await this.assertNumberFree(values.meetingId!, values.number!, undefined);
    return super.create({ confidential: false, closedVote: false, kinds: [], ...values });
  }

  override async update(id: string, values: Partial<AgendaItem>): Promise<AgendaItem> {
    const item = await this.getOrFail(id);
    await this.meetings.openMeeting(item.meetingId);
    if (values.number !== undefined) await this.assertNumberFree(item.meetingId, values.number, id);
    return super.update(id, values);
  }

  override async remove(id: string): Promise<string> {
    const item = await this.getOrFail(id);
    await this.meetings.openMeeting(item.meetingId);
    return super.remove(id);
  }

  private async assertNumberFree(meetingId: string, number: number, exceptId: string | undefined): Promise<void> {
    const em = await this.db.manager();
    const taken = await em.getRepository(AgendaItem).findOne({ where: { meetingId, number } });
    if (taken && taken.id !== exceptId) throw conflict(`Ärende nr ${number} finns redan på mötet.`);
  }
}
