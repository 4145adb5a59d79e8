import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badInput } from '../common/app-error.js';
import { BodyKind } from '../bodies/bodies.public.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { SubCommitteeRemoteDecision } from './sub-committee-remote-decision.entity.js';
import type { RecordSubCommitteeRemoteDecisionInput } from './rules.inputs.js';
import { BodiesService } from '../bodies/bodies.service.js';
import { rowsByKey } from '../common/rows-by-key.js';

/** The parent committees' decisions on remote participation in their sub-committees: a record, added to, never rewritten. */
@Injectable()
export class SubCommitteeDecisionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly bodies: BodiesService,
  ) {}

  async list(bodyId: string): Promise<SubCommitteeRemoteDecision[]> {
    const em = await this.db.manager();
    return em.getRepository(SubCommitteeRemoteDecision).find({ where: { bodyId }, order: { decidedOn: 'DESC', createdAt: 'DESC' } });
  }

  /** The same, for each body of a list: one statement per request for all of them. */
  listOfBody(bodyId: string): Promise<SubCommitteeRemoteDecision[]> {
    return rowsByKey(this.db, 'subCommitteeDecisions:byBody', SubCommitteeRemoteDecision, 'bodyId', { decidedOn: 'DESC', createdAt: 'DESC' }).load(bodyId);
  }

  async record(input: RecordSubCommitteeRemoteDecisionInput): Promise<SubCommitteeRemoteDecision> {
    const em = await this.db.manager();
    const body = await this.bodies.get(input.bodyId);
    if (!body) throw badInput(`Organet ${input.bodyId} finns inte.`, { bodyId: 'finns inte' });
    if (body.kind !== BodyKind.SUB_COMMITTEE)
      throw badInput('Bara ett utskott behöver sin nämnds beslut om deltagande på distans.', { bodyId: 'är inget utskott' });
    const repo = em.getRepository(SubCommitteeRemoteDecision);
    return repo.save(repo.create({ tenantId: this.db.tenantId(), id: randomUUID(), ...input, reference: input.reference.trim() }));
  }
}
