import { Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import { conflict } from '../common/app-error.js';
import { CrudService } from '../common/crud/crud.service.js';
import { mustExist } from '../common/must-exist.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Body } from './body.entity.js';
import { BodyMembership, MembershipRole } from './body-membership.entity.js';
import type { BodyMembershipFilter } from './body-membership.inputs.js';
import { MembersService } from '../members/members.service.js';

@Injectable()
export class BodyMembershipsService extends CrudService<BodyMembership, BodyMembershipFilter> {
  constructor(
    db: TenantDb,
    private readonly members: MembersService,
  ) {
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
    await this.members.assertExists(values.memberId, 'memberId');
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

  // What other capabilities may ask about seats; they never query body_membership themselves.

  async hasSeat(bodyId: string, memberId: string): Promise<boolean> {
    const em = await this.db.manager();
    return em.getRepository(BodyMembership).exists({ where: { bodyId, memberId } });
  }

  /** The given members' seats on one body. */
  async seatsOf(bodyId: string, memberIds: string[]): Promise<BodyMembership[]> {
    const em = await this.db.manager();
    return em.getRepository(BodyMembership).find({ where: { bodyId, memberId: In(memberIds) } });
  }

  /** Every seat on the given bodies, ordinary members before substitutes (then oldest first when asked). */
  async seatsOnBodies(bodyIds: string[], order: 'role' | 'role-then-age' = 'role'): Promise<BodyMembership[]> {
    const em = await this.db.manager();
    return em.getRepository(BodyMembership).find({
      where: { bodyId: In(bodyIds) },
      order: order === 'role' ? { roleRank: 'ASC' } : { roleRank: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }
}
