import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { badInput } from '../common/app-error.js';
import { CrudService } from '../common/crud/crud.service.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Body, BodyKind, PARENT_KINDS } from './body.entity.js';
import type { BodyFilter } from './body.inputs.js';
import { byIdLoader } from '../common/by-id-loader.js';

@Injectable()
export class BodiesService extends CrudService<Body, BodyFilter> {
  constructor(db: TenantDb) {
    super(db, {
      entity: Body,
      label: 'Organet',
      sortable: { name: 'name', kind: 'kind', createdAt: 'createdAt' },
      defaultSort: 'name',
      searchColumns: ['name'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<Body>, f: BodyFilter): void {
    if (f.kind) qb.andWhere('r.kind = :kind', { kind: f.kind });
    if (f.parentBodyId) qb.andWhere('r.parentBodyId = :parent', { parent: f.parentBodyId });
  }

  override async create(values: Partial<Body>): Promise<Body> {
    await this.checkParent({ kind: values.kind!, parentBodyId: values.parentBodyId ?? null, id: undefined });
    return super.create({ ...values, parentBodyId: values.parentBodyId ?? null });
  }

  override async update(id: string, values: Partial<Body>): Promise<Body> {
    const existing = await this.getOrFail(id);
    const next = { ...existing, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) } as Body;
    await this.checkParent({ kind: next.kind, parentBodyId: next.parentBodyId ?? null, id });
    return super.update(id, values);
  }

  /** An utskott answers to a nämnd (or the executive board); nothing else has a parent. */
  private async checkParent(b: { kind: BodyKind; parentBodyId: string | null; id: string | undefined }): Promise<void> {
    if (b.kind !== BodyKind.SUB_COMMITTEE) {
      if (b.parentBodyId) throw badInput('Bara ett utskott kan ha ett överordnat organ.', { parentBodyId: 'bara för utskott' });
      return;
    }
    if (!b.parentBodyId) throw badInput('Ett utskott måste höra till en nämnd.', { parentBodyId: 'måste fyllas i för utskott' });
    if (b.parentBodyId === b.id) throw badInput('Ett organ kan inte vara sitt eget överordnade organ.', { parentBodyId: 'ogiltigt' });
    const parent = await this.get(b.parentBodyId);
    if (!parent) throw badInput(`Överordnat organ ${b.parentBodyId} finns inte.`, { parentBodyId: 'finns inte' });
    if (!PARENT_KINDS.includes(parent.kind)) {
      throw badInput('Ett utskott måste höra till en nämnd eller kommunstyrelsen.', { parentBodyId: 'måste vara en nämnd' });
    }
  }

  /** The body, which must exist (a foreign key says so). */
  async existing(id: string): Promise<Body> {
    const em = await this.db.manager();
    return em.getRepository(Body).findOneOrFail({ where: { id } });
  }

  /** Many bodies at once, through the request's shared by-id loader (null where none). */
  loadMany(ids: string[]): Promise<(Body | null | Error)[]> {
    return byIdLoader(this.db, Body).loadMany(ids);
  }
}
