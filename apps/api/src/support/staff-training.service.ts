import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addDays, isIsoDate, type IsoDate, localDate } from '@motesplats/rules';
import { badInput, conflict } from '../common/app-error.js';
import { currentActor } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { TrainingModulesService } from '../training/training-modules.service.js';
import { EXPIRING_WITHIN_DAYS, validUntil } from '../training/validity.js';
import { StaffService } from './staff.service.js';
import type { StaffTrainingRow } from './support.model.js';
import { Clock } from '../common/clock.js';

/** Which training audiences a person's skills put them in. */
function audiencesOf(skills: readonly string[]): string[] {
  const out: string[] = [];
  if (skills.includes('secretary')) out.push('secretary');
  if (skills.some((s) => s === 'it_support' || s === 'meeting_support' || s === 'av_broadcast')) out.push('support_staff');
  if (skills.includes('coordinator')) out.push('coordinator');
  return out;
}

/**
 * Staff training: the modules meant for secretaries and support staff (the secretary's
 * checklist, leading a hybrid meeting), completed by the municipality's own staff, and their
 * coverage. Members' completions stay in the training capability; these are the staff's.
 */
@Injectable()
export class StaffTrainingService {
  constructor(
    private readonly db: TenantDb,
    private readonly staff: StaffService,
    private readonly modules: TrainingModulesService,
    private readonly clock: Clock,
  ) {}

  async record(staffId: string, moduleKey: string, completedOn: string): Promise<StaffTrainingRow> {
    const person = await this.staff.get(staffId);
    if (!person || person.pooled) throw badInput(`Personen ${staffId} finns inte i kommunens register.`, { staffId: 'finns inte' });
    const module = await this.modules.byKey(moduleKey);
    if (!module) throw badInput(`Utbildningen "${moduleKey}" finns inte.`, { moduleKey: 'finns inte' });
    if (!isIsoDate(completedOn) || completedOn > localDate(this.clock.now()))
      throw badInput('Ange ett datum som inte ligger i framtiden (ÅÅÅÅ-MM-DD).', { completedOn: 'ogiltigt datum' });
    const em = await this.db.manager();
    const inserted: unknown[] = await em.query(
      `insert into staff_training_completion (id, staff_id, module_key, completed_on, valid_until, recorded_by) values ($1, $2, $3, $4, $5, $6)
       on conflict (tenant_id, staff_id, module_key, completed_on) do nothing returning id`,
      [randomUUID(), staffId, moduleKey, completedOn, validUntil(completedOn, module.validityMonths), currentActor()?.username ?? 'system'],
    );
    if (!inserted.length) throw conflict(`Utbildningen är redan registrerad för personen den ${completedOn}.`);
    // The person's row even when the module is outside their skills' audience (coverage lists
    // only the modules their role asks for): the answer must describe what was just recorded.
    const today = localDate(this.clock.now());
    const [best] = await this.best(today, staffId, moduleKey);
    return coverageRow(person, module, best, today);
  }

  private async best(onDate: IsoDate, staffId?: string, moduleKey?: string): Promise<Best[]> {
    const em = await this.db.manager();
    return em.query(
      `select staff_id as "staffId", module_key as "moduleKey",
              case when bool_or(valid_until is null) then null else max(valid_until)::text end as until
         from staff_training_completion
        where completed_on <= $1 and ($2::uuid is null or staff_id = $2) and ($3::text is null or module_key = $3)
        group by staff_id, module_key`,
      [onDate, staffId ?? null, moduleKey ?? null],
    );
  }

  /** Each active own staff member × each module whose audience their skills put them in. */
  async coverage(onDate: IsoDate = localDate(this.clock.now())): Promise<StaffTrainingRow[]> {
    const [people, modules] = await Promise.all([this.staff.all(), this.modules.all()]);
    const best = await this.best(onDate);
    const bestOf = new Map(best.map((b) => [`${b.staffId}|${b.moduleKey}`, b]));
    return people
      .filter((p) => !p.pooled && p.active)
      .flatMap((p) => {
        const audiences = audiencesOf(p.skills);
        return modules.filter((m) => m.audience.some((a) => audiences.includes(a))).map((m) => coverageRow(p, m, bestOf.get(`${p.id}|${m.key}`), onDate));
      });
  }
}

interface Best {
  staffId: string;
  moduleKey: string;
  until: string | null;
}

function coverageRow(person: { id: string; name: string }, module: { key: string; title: string }, best: Best | undefined, onDate: IsoDate): StaffTrainingRow {
  const soon = addDays(onDate, EXPIRING_WITHIN_DAYS);
  const status = !best ? 'missing' : best.until === null || best.until >= soon ? 'trained' : best.until >= onDate ? 'expiring' : 'expired';
  return { staffId: person.id, staffName: person.name, moduleKey: module.key, moduleTitle: module.title, status, validUntil: best?.until ?? null };
}
