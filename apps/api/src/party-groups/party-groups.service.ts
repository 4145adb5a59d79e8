import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../common/crud/crud.service.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { mustExist } from '../common/must-exist.js';
import { Party } from './party.entity.js';
import { PartyGroup } from './party-group.entity.js';
import type { PartyFilter, PartyGroupFilter } from './party-group.inputs.js';

@Injectable()
export class PartiesService extends CrudService<Party, PartyFilter> {
  constructor(db: TenantDb) {
    super(db, {
      entity: Party,
      label: 'Partiet',
      sortable: { name: 'name', abbreviation: 'abbreviation' },
      defaultSort: 'name',
      searchColumns: ['name', 'abbreviation'],
    });
  }
}

@Injectable()
export class PartyGroupsService extends CrudService<PartyGroup, PartyGroupFilter> {
  constructor(db: TenantDb) {
    super(db, {
      entity: PartyGroup,
      label: 'Partigruppen',
      sortable: { name: 'name', councilSeats: 'councilSeats' },
      defaultSort: 'name',
      searchColumns: ['name'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<PartyGroup>, f: PartyGroupFilter): void {
    if (f.partyId) qb.andWhere('r.partyId = :partyId', { partyId: f.partyId });
  }

  override async create(values: Partial<PartyGroup>): Promise<PartyGroup> {
    await mustExist(this.db, Party, values.partyId, 'partyId', 'Partiet');
    return super.create(values);
  }

  override async update(id: string, values: Partial<PartyGroup>): Promise<PartyGroup> {
    await mustExist(this.db, Party, values.partyId, 'partyId', 'Partiet');
    return super.update(id, values);
  }

  /** Every party group of the municipality, by name. */
  async all(): Promise<PartyGroup[]> {
    const em = await this.db.manager();
    return em.getRepository(PartyGroup).find({ order: { name: 'ASC' } });
  }
}
