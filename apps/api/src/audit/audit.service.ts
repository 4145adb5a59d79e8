import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { currentActor } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { AuditEntry } from './audit-entry.entity.js';
import { Clock } from '../common/clock.js';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  reason: string;
  details?: Record<string, unknown>;
}

/** Writes in the request's transaction: the entry exists exactly when what it records does. */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: TenantDb,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditRecord): Promise<AuditEntry> {
    const actor = currentActor();
    if (!actor) throw new Error('An audit entry needs a signed-in actor');
    const em = await this.db.manager();
    const row = em.getRepository(AuditEntry).create({
      tenantId: this.db.tenantId(),
      id: randomUUID(),
      occurredAt: this.clock.now(),
      actorUserId: actor.userId,
      actorName: actor.name || actor.username,
      details: {},
      ...entry,
    });
    await em.getRepository(AuditEntry).insert(row as never);
    return row;
  }

  async list(subjectId?: string): Promise<AuditEntry[]> {
    const em = await this.db.manager();
    return em.getRepository(AuditEntry).find({ where: subjectId ? { subjectId } : {}, order: { occurredAt: 'DESC' }, take: 500 });
  }
}
