import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../common/crud/crud.service.js';
import { mustExist } from '../common/must-exist.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Party } from '../party-groups/party.entity.js';
import { IdentityLevel, Member } from './member.entity.js';
import type { MemberFilter } from './member.inputs.js';

@Injectable()
export class MembersService extends CrudService<Member, MemberFilter> {
  constructor(db: TenantDb) {
    super(db, {
      entity: Member,
      label: 'Ledamoten',
      sortable: { name: 'name', email: 'email' },
      defaultSort: 'name',
      searchColumns: ['name', 'email'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<Member>, f: MemberFilter): void {
    if (f.partyId) qb.andWhere('r.partyId = :partyId', { partyId: f.partyId });
    if (f.bodyId) {
      qb.andWhere('r.id IN (SELECT bm.member_id FROM body_membership bm WHERE bm.body_id = :bodyId)', { bodyId: f.bodyId });
    }
  }

  override async create(values: Partial<Member>): Promise<Member> {
    await mustExist(this.db, Party, values.partyId, 'partyId', 'Partiet');
    return super.create({ email: null, phone: null, partyId: null, identityLevel: IdentityLevel.NONE, ...values });
  }

  override async update(id: string, values: Partial<Member>): Promise<Member> {
    await mustExist(this.db, Party, values.partyId, 'partyId', 'Partiet');
    return super.update(id, values);
  }
}
