import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { MUNICIPAL_ADMINS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { parseInput } from '../common/crud/parse-input.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';

class AuditArgs {
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(...MUNICIPAL_ADMINS)
  @Query(() => [AuditEntry], { description: "The municipality's audit log, newest first (at most 500), optionally for one subject (e.g. a meeting)" })
  async auditEntries(@Args('subjectId', { type: () => ID, nullable: true }) subjectId?: string) {
    await parseInput(AuditArgs, { subjectId });
    return this.audit.list(subjectId);
  }
}
