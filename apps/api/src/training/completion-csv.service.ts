import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { TenantDb } from '../database/tenant-db.service.js';
import { Member } from '../members/members.public.js';
import { parseCsv, toCsv } from './csv.js';
import { CompletionSource } from './training-completion.entity.js';
import { TrainingModulesService } from './training-modules.service.js';
import { Clock } from '../common/clock.js';
import { localDate } from '@motesplats/rules';
import { dateProblem, identity, TrainingCompletionsService, type NewCompletion } from './training-completions.service.js';
import { MembersService } from '../members/members.service.js';
import type { CompletionImportReport } from './completion-import.model.js';

/**
 * The columns of an import file, in any order, header row first. A member is named by
 * member_id, or — for files from elsewhere — by member_name together with member_email (a
 * name alone is ambiguous). Members without an e-mail address are therefore imported by id;
 * the export carries ids, so an exported file can be filled in and imported again.
 */
export const IMPORT_COLUMNS = ['member_id', 'member_name', 'member_email', 'module_key', 'completed_on'] as const;
export const EXPORT_COLUMNS = [...IMPORT_COLUMNS, 'valid_until', 'source'];

@Injectable()
export class CompletionCsvService {
  constructor(
    private readonly db: TenantDb,
    private readonly completions: TrainingCompletionsService,
    private readonly modules: TrainingModulesService,
    private readonly clock: Clock,
    private readonly members: MembersService,
  ) {}

  /**
   * Checks every row and reports each bad one with its line and reason. Only a file without
   * errors is imported, in the request's one transaction; rows already recorded are skipped,
   * so importing the same file again adds nothing.
   */
  async import(csv: string, dryRun: boolean): Promise<CompletionImportReport> {
    const report: CompletionImportReport = { dryRun, rows: 0, toImport: 0, alreadyRecorded: 0, imported: 0, errors: [] };
    const [header, ...records] = parseCsv(csv);
    const today = localDate(this.clock.now());
    if (!header) return { ...report, errors: [{ line: 1, reason: 'Filen är tom.' }] };
    const columns = header.cells.map((c) => c.toLowerCase());
    const missing = ['module_key', 'completed_on'].filter((c) => !columns.includes(c));
    const identifies = columns.includes('member_id') || (columns.includes('member_name') && columns.includes('member_email'));
    if (missing.length || !identifies) {
      const reason = `Rubrikraden ska ha kolumnerna module_key, completed_on och member_id (eller member_name och member_email); saknas: ${[
        ...missing,
        ...(identifies ? [] : ['member_id']),
      ].join(', ')}.`;
      return { ...report, errors: [{ line: header.line, reason }] };
    }
    report.rows = records.length;
    const resolveMember = await this.memberResolver();
    const modules = new Map((await this.modules.all()).map((m) => [m.key, m]));
    const candidates: (NewCompletion & { line: number })[] = [];
    for (const record of records) {
      const cell = (name: string) => record.cells[columns.indexOf(name)] ?? '';
      const fail = (reason: string) => report.errors.push({ line: record.line, reason });
      if (record.cells.length !== columns.length) {
        fail(`Raden har ${record.cells.length} fält men rubrikraden ${columns.length}.`);
        continue;
      }
      const member = resolveMember(cell('member_id'), cell('member_name'), cell('member_email'));
      if (typeof member === 'string') {
        fail(member);
        continue;
      }
      const moduleKey = cell('module_key');
      if (!modules.has(moduleKey)) {
        fail(moduleKey ? `Utbildningen "${moduleKey}" finns inte.` : 'module_key saknas.');
        continue;
      }
      const problem = dateProblem(cell('completed_on'), today);
      if (problem) {
        fail(problem);
        continue;
      }
      candidates.push({ line: record.line, memberId: member.id, moduleKey, completedOn: cell('completed_on'), source: CompletionSource.IMPORTED });
    }
    const recorded = await this.completions.existing(candidates);
    const fresh = new Map<string, NewCompletion>();
    for (const c of candidates) {
      const key = identity(c);
      if (recorded.has(key) || fresh.has(key)) report.alreadyRecorded++;
      else fresh.set(key, c);
    }
    report.toImport = fresh.size;
    if (dryRun || report.errors.length) return report;
    report.imported = (await this.completions.insert([...fresh.values()], modules)).length;
    return report;
  }

  async export(): Promise<string> {
    const em = await this.db.manager();
    const rows: Record<string, string | null>[] = await em.query(
      `select c.member_id::text, m.name as member_name, m.email as member_email, c.module_key,
              c.completed_on::text, c.valid_until::text, c.source
         from training_completion c join member m on m.tenant_id = c.tenant_id and m.id = c.member_id
        order by m.name, c.member_id, c.module_key, c.completed_on`,
    );
    return toCsv(
      EXPORT_COLUMNS,
      rows.map((r) => EXPORT_COLUMNS.map((c) => r[c] ?? null)),
    );
  }

  /** member_id, or name + e-mail matching exactly one member; a string is the reason it failed. */
  private async memberResolver() {
    const members = await this.members.contacts();
    const byId = new Map(members.map((m) => [m.id, m]));
    const norm = (s: string | null) => (s ?? '').trim().toLowerCase();
    return (id: string, name: string, email: string): Member | string => {
      if (id) {
        const member = isUUID(id) ? byId.get(id) : undefined;
        if (!member) return `Ledamoten med id ${id} finns inte i kommunen.`;
        if (name && norm(name) !== norm(member.name)) return `member_id ${id} hör till en annan ledamot än "${name}".`;
        return member;
      }
      if (!name || !email) return 'Ange member_id, eller både member_name och member_email.';
      const matches = members.filter((m) => norm(m.name) === norm(name) && norm(m.email) === norm(email));
      if (matches.length === 0) return `Ingen ledamot heter "${name}" med e-postadressen ${email}.`;
      if (matches.length > 1) return `Flera ledamöter heter "${name}" med e-postadressen ${email}; ange member_id.`;
      return matches[0]!;
    };
  }
}
