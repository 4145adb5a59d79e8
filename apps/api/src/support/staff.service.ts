import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, LessThan, MoreThan, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { badInput, forbidden, fromPostgresError, notFound } from '../common/app-error.js';
import { SortOrder, type ListArgs, type PageResult } from '../common/crud/list-args.js';
import { currentActor, currentStore } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { slotProblem, type WeeklySlot } from './scheduling.js';
import { RegionalSupportAbsence, SupportAbsence } from './support-absence.entity.js';
import { RegionalSupportStaff, SupportStaff } from './support-staff.entity.js';
import type { StaffAbsence, StaffMember } from './support.model.js';
import type { CreateStaffInput, StaffAbsenceInput, StaffFilter, UpdateStaffInput } from './support.inputs.js';

const SORTABLE = ['name', 'title', 'updatedAt'] as const;
const EDITORS = new Set(['tenant-admin', 'secretary', 'coordinator']);

export function toStaff(row: SupportStaff | RegionalSupportStaff): StaffMember {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    account: row.account,
    skills: row.skills,
    weekly: row.weekly ?? [],
    active: row.active,
    pooled: 'regionId' in row,
    updatedAt: row.updatedAt,
  };
}

export function toAbsence(row: SupportAbsence | RegionalSupportAbsence): StaffAbsence {
  return { id: row.id, staffId: row.staffId, pooled: 'regionId' in row, startsAt: row.startsAt, endsAt: row.endsAt, kind: row.kind, note: row.note };
}

/** No municipality bound to the unit of work: a regional coordinator. */
export function regionWide(): boolean {
  const store = currentStore();
  return !(store.tenantId !== undefined ? store.tenantId : store.actor?.tenantId);
}

/**
 * The support register: a municipality sees its own staff and, once it has opted in, its
 * region's pool; coordinators keep the pool. Row-level security enforces the same split.
 * Staff edit their own availability and absences; administrators anyone's in their reach.
 */
@Injectable()
export class StaffService {
  constructor(private readonly db: TenantDb) {}

  async all(): Promise<StaffMember[]> {
    const em = await this.db.manager();
    const own = regionWide() ? [] : await em.getRepository(SupportStaff).find();
    const pool = await em.getRepository(RegionalSupportStaff).find();
    return [...own, ...pool].map(toStaff);
  }

  async list(args: ListArgs, filter?: StaffFilter): Promise<PageResult<StaffMember>> {
    const field = (args.sortField ?? 'name') as (typeof SORTABLE)[number];
    if (!SORTABLE.includes(field)) throw badInput(`Det går inte att sortera på "${field}".`, { sortField: 'okänt sorteringsfält' });
    const q = filter?.q?.trim().toLowerCase();
    const rows = (await this.all()).filter(
      (s) =>
        (!filter?.ids || filter.ids.includes(s.id)) &&
        (filter?.pooled === undefined || filter.pooled === null || s.pooled === filter.pooled) &&
        (!filter?.skill || s.skills.includes(filter.skill)) &&
        (!q || s.name.toLowerCase().includes(q) || s.title.toLowerCase().includes(q)),
    );
    const dir = args.sortOrder === SortOrder.DESC ? -1 : 1;
    rows.sort((a, b) => dir * String(a[field]).localeCompare(String(b[field]), 'sv') || a.id.localeCompare(b.id));
    return { items: rows.slice((args.page - 1) * args.perPage, args.page * args.perPage), total: rows.length };
  }

  async get(id: string): Promise<StaffMember | null> {
    const row = await this.row(id);
    return row ? toStaff(row) : null;
  }

  /** The signed-in person's own staff record: their account is their username or subject. */
  async me(): Promise<StaffMember | null> {
    const row = await this.ownRow();
    return row ? toStaff(row) : null;
  }

  async ownRow(actor: Actor | undefined = currentActor()): Promise<SupportStaff | RegionalSupportStaff | null> {
    if (!actor) return null;
    const em = await this.db.manager();
    const accounts = [actor.username, actor.userId];
    if (!regionWide()) {
      const own = await em.getRepository(SupportStaff).findOne({ where: { account: In(accounts) } });
      if (own) return own;
    }
    return em.getRepository(RegionalSupportStaff).findOne({ where: { account: In(accounts) } });
  }

  async create(input: CreateStaffInput): Promise<StaffMember> {
    const weekly = checkWeekly(input.weekly ?? []);
    const values = {
      id: randomUUID(),
      name: input.name.trim(),
      title: input.title?.trim() ?? '',
      email: input.email ?? null,
      phone: input.phone ?? null,
      account: input.account?.trim() || null,
      skills: input.skills,
      weekly,
      active: input.active ?? true,
    };
    return this.write(async (em) => {
      if (regionWide()) {
        const regionId = currentActor()!.regionId;
        return toStaff(await em.getRepository(RegionalSupportStaff).save(em.getRepository(RegionalSupportStaff).create({ ...values, regionId })));
      }
      if (input.pooled) throw forbidden('Regionens pool förs av de regionala samordnarna.');
      return toStaff(await em.getRepository(SupportStaff).save(em.getRepository(SupportStaff).create({ ...values, tenantId: this.db.tenantId() })));
    });
  }

  async update(id: string, input: UpdateStaffInput): Promise<StaffMember> {
    const row = await this.editable(id, true);
    const { pooled: _pooled, ...rest } = input;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (input.weekly) defined.weekly = checkWeekly(input.weekly);
    if (typeof defined.name === 'string') defined.name = defined.name.trim();
    return this.write(async (em) => toStaff(await em.getRepository(row.constructor as typeof SupportStaff).save({ ...row, ...defined } as SupportStaff)));
  }

  /** The person themselves may set their weekly availability; administrators anyone's. */
  async setWeekly(id: string, weekly: WeeklySlot[]): Promise<StaffMember> {
    const row = await this.editable(id, false);
    const checked = checkWeekly(weekly);
    return this.write(async (em) => toStaff(await em.getRepository(row.constructor as typeof SupportStaff).save({ ...row, weekly: checked } as SupportStaff)));
  }

  async remove(id: string): Promise<string> {
    const row = await this.editable(id, true);
    await this.write(async (em) => {
      const [{ used }] = await em.query(`select exists (select 1 from support_assignment where staff_id = $1 or pool_staff_id = $1) as used`, [id]);
      // Assignments are history: a person who has served is made inactive instead.
      if (used) await em.getRepository(row.constructor as typeof SupportStaff).save({ ...row, active: false } as SupportStaff);
      else await em.getRepository(row.constructor as typeof SupportStaff).delete({ id });
    });
    return id;
  }

  async absences(staffId: string | undefined, from: Date, to: Date): Promise<StaffAbsence[]> {
    const em = await this.db.manager();
    const where = { ...(staffId ? { staffId } : {}), startsAt: LessThan(to), endsAt: MoreThan(from) };
    const own = regionWide() ? [] : await em.getRepository(SupportAbsence).find({ where, order: { startsAt: 'ASC' } });
    const pool = await em.getRepository(RegionalSupportAbsence).find({ where, order: { startsAt: 'ASC' } });
    return [...own, ...pool].map(toAbsence);
  }

  async addAbsence(input: StaffAbsenceInput): Promise<StaffAbsence> {
    if (input.endsAt.getTime() <= input.startsAt.getTime()) throw badInput('Frånvaron måste sluta efter att den börjar.', { endsAt: 'måste vara efter start' });
    const row = await this.editable(input.staffId, false);
    const values = {
      id: randomUUID(),
      staffId: row.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      kind: input.kind as SupportAbsence['kind'],
      note: input.note ?? '',
    };
    return this.write(async (em) => {
      if ('regionId' in row) {
        return toAbsence(
          await em.getRepository(RegionalSupportAbsence).save(em.getRepository(RegionalSupportAbsence).create({ ...values, regionId: row.regionId })),
        );
      }
      return toAbsence(await em.getRepository(SupportAbsence).save(em.getRepository(SupportAbsence).create({ ...values, tenantId: row.tenantId })));
    });
  }

  async removeAbsence(id: string): Promise<string> {
    const em = await this.db.manager();
    const row =
      (!regionWide() && (await em.getRepository(SupportAbsence).findOne({ where: { id } }))) ||
      (await em.getRepository(RegionalSupportAbsence).findOne({ where: { id } }));
    if (!row) throw notFound('Frånvaron', id);
    await this.editable(row.staffId, false);
    await this.write((tx) => tx.getRepository(row.constructor as typeof SupportAbsence).delete({ id }));
    return id;
  }

  private async row(id: string): Promise<SupportStaff | RegionalSupportStaff | null> {
    const em = await this.db.manager();
    if (!regionWide()) {
      const own = await em.getRepository(SupportStaff).findOne({ where: { id } });
      if (own) return own;
    }
    return em.getRepository(RegionalSupportStaff).findOne({ where: { id } });
  }

  /**
   * The row the caller may change. Administrators change their own register (coordinators the
   * pool); a person with the support role changes only their own availability and absences.
   */
  private async editable(id: string, registerItself: boolean): Promise<SupportStaff | RegionalSupportStaff> {
    const row = await this.row(id);
    if (!row) throw notFound('Personen', id);
    const actor = currentActor();
    const editor = actor?.roles.some((r) => EDITORS.has(r)) ?? false;
    if (editor) {
      if ('regionId' in row && !regionWide()) throw forbidden('Regionens pool förs av de regionala samordnarna.');
      return row;
    }
    const own = await this.ownRow(actor);
    if (registerItself || !own || own.id !== row.id) throw forbidden('Du kan bara ändra din egen tillgänglighet.');
    if ('regionId' in row && !regionWide()) throw forbidden('Regionens pool förs av de regionala samordnarna.');
    return row;
  }

  private async write<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = await this.db.manager();
    try {
      return await fn(em);
    } catch (err) {
      throw fromPostgresError(err) ?? err;
    }
  }
}

function checkWeekly(slots: readonly WeeklySlot[]): WeeklySlot[] {
  const out = slots.map((s) => ({ weekday: s.weekday, from: s.from, to: s.to }));
  for (const [i, s] of out.entries()) {
    const problem = slotProblem(s);
    if (problem) throw badInput(problem, { [`weekly.${i}`]: problem });
  }
  return out.sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
}
