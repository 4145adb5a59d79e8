import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { conflict } from '../common/app-error.js';
import { CrudService } from '../common/crud/crud.service.js';
import { mustExist } from '../common/must-exist.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Member } from '../members/member.entity.js';
import { Body } from './body.entity.js';
import { BodyMembership, MembershipRole } from './body-membership.entity.js';
import type { BodyMembershipFilter } from './body-membership.inputs.js';

@Injectable()
export class BodyMembershipsService extends CrudService<BodyMembership, BodyMembershipFilter> {
  constructor(db: TenantDb) {
    super(db, {
      entity: BodyMembership,
      label: 'Uppdraget',
      sortable: { role: 'roleRank', createdAt: 'createdAt' },
      defaultSort: 'role',
      searchColumns: [],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<BodyMembership>, f: BodyMembershipFilter): void {
    if (f.bodyId) qb.andWhere('r.bodyId = :bodyId', { bodyId: f.bodyId });
    if (f.memberId) qb.andWhere('r.memberId = :memberId', { memberId: f.memberId });
    if (f.role) qb.andWhere('r.role = :role', { role: f.role });
  }

  override async create(values: Partial<BodyMembership>): Promise<BodyMembership> {
    await mustExist(this.db, Body, values.bodyId, 'bodyId', 'Organet');
    await mustExist(this.db, Member, values.memberId, 'memberId', 'Ledamoten');
    await this.checkSingleChair(values.bodyId!, values.role, undefined);
    return super.create(values);
  }

  override async update(id: string, values: Partial<BodyMembership>): Promise<BodyMembership> {
    const existing = await this.getOrFail(id);
    await this.checkSingleChair(existing.bodyId, values.role, id);
    return super.update(id, values);
  }

  private async checkSingleChair(bodyId: string, role: MembershipRole | undefined, exceptId: string | undefined) {
    if (role !== MembershipRole.CHAIR) return;
    const em = await this.db.manager();
    const chair = await em.getRepository(BodyMembership).findOne({ where: { bodyId, role: MembershipRole.CHAIR } });
    if (chair && chair.id !== exceptId) throw conflict('Organet har redan en ordförande. Ändra den nuvarande ordförandens roll först.');
  }
}
