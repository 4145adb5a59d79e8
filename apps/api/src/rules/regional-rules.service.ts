import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { validateRuleSet, type Platform, type RuleSetTemplate } from '@motesplats/rules';
import { currentActor, perRequest } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { RegionalRuleTemplate } from './regional-rule-template.entity.js';
import { ruleSetContent, violationsError } from './rule-set-content.js';
import { toPlatform, VideoPlatform } from './video-platform.entity.js';
import { Clock } from '../common/clock.js';

/**
 * What the region keeps for all its municipalities: the platform catalog and the recommended
 * rule set. Row-level policies bound reads to the caller's region and let only region-wide
 * work (coordinators) write.
 */
@Injectable()
export class RegionalRulesService {
  constructor(
    private readonly db: TenantDb,
    private readonly clock: Clock,
  ) {}

  async catalogRows(): Promise<VideoPlatform[]> {
    const em = await this.db.manager();
    return em.getRepository(VideoPlatform).find({ order: { name: 'ASC' } });
  }

  /** The catalog as the rules library reads it, once per request. */
  catalog(): Promise<Platform[]> {
    return perRequest('rules:catalog', async () => (await this.catalogRows()).map(toPlatform));
  }

  async latestTemplateRow(): Promise<RegionalRuleTemplate | null> {
    const em = await this.db.manager();
    return em.getRepository(RegionalRuleTemplate).findOne({ where: {}, order: { version: 'DESC' } });
  }

  async templateHistory(): Promise<RegionalRuleTemplate[]> {
    const em = await this.db.manager();
    return em.getRepository(RegionalRuleTemplate).find({ order: { version: 'DESC' } });
  }

  /** The latest published template as the library reads it, or null when the region has none. */
  async latestTemplate(): Promise<RuleSetTemplate | null> {
    const row = await this.latestTemplateRow();
    return row ? toTemplate(row) : null;
  }

  /** Publishes a new template version; the law's floor applies to templates as to municipal rules. */
  async publishTemplate(name: string, content: unknown): Promise<RegionalRuleTemplate> {
    const actor = currentActor()!;
    const rules = ruleSetContent(content);
    const violations = validateRuleSet(rules, { platformCatalog: await this.catalog() });
    if (violations.length > 0) throw violationsError('Mallen kan inte publiceras: den strider mot lagen eller är ofullständig.', violations);
    const previous = await this.latestTemplateRow();
    const em = await this.db.manager();
    const row = em.getRepository(RegionalRuleTemplate).create({
      regionId: actor.regionId,
      id: randomUUID(),
      key: previous?.key ?? 'regional',
      version: (previous?.version ?? 0) + 1,
      name,
      content: rules,
      publishedAt: this.clock.now(),
      publishedBy: actor.name || actor.username,
    });
    await em.getRepository(RegionalRuleTemplate).insert(row);
    return row;
  }
}

export function toTemplate(row: RegionalRuleTemplate): RuleSetTemplate {
  return { id: row.id, name: row.name, region: row.regionId, bodyTypes: row.content.bodyTypes, bodies: row.content.bodies ?? {} };
}
