import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Actor } from '../auth/actor.js';
import { badInput, conflict, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { safeCsv } from '../common/csv-safe.js';
import { currentActor, currentStore } from '../common/request-context.js';
import { localDate } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import { jobId } from '../jobs/job-id.js';
import { MailOutbox } from '../outbox/mail-outbox.service.js';
import { sendNotice } from '../notifications/notice.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import {
  type AnswerSurveyInput,
  type CreateSurveyInput,
  type Survey,
  type SurveyAnswerValue,
  SurveyChoice,
  type SurveyQuestion,
  SurveyQuestionKind,
  SurveyRole,
} from './survey.model.js';

export const SURVEY_QUEUE = 'survey-reminders';
export const REMIND_SURVEY = 'remind-survey';

export interface RemindSurveyData {
  regionId: string;
  surveyId: string;
  /** The asking municipality, or null for the association: the job acts as the asker. */
  askerTenantId: string | null;
  day: string;
}

interface SurveyRow {
  id: string;
  region_id: string;
  asked_by_tenant_id: string | null;
  title: string;
  intro: string;
  deadline: Date;
  recipients: string[];
  created_at: Date;
}

const CHOICE_TEXT: Record<string, string> = { yes: 'Ja', no: 'Nej', partly: 'Delvis' };

/**
 * Regional surveys: the association, or a municipality asking its neighbours, asks a question
 * set of selected municipalities of the region. Row-level policies decide who sees what: the
 * asker and the region's coordinators see every recipient and answer, a recipient only its own;
 * answers can be written only by the recipient itself and only before the deadline.
 */
@Injectable()
export class SurveysService {
  private readonly log = new Logger('Surveys');

  constructor(
    private readonly db: TenantDb,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
    @InjectQueue(SURVEY_QUEUE) private readonly queue: Queue,
    private readonly mail: MailOutbox,
  ) {}

  async create(input: CreateSurveyInput): Promise<Survey> {
    const actor = currentActor()!;
    const em = await this.db.manager();
    const asker = actor.tenantId;
    if (input.deadline.getTime() <= this.clock.now().getTime())
      throw badInput('Sista svarsdag måste ligga framåt i tiden.', { deadline: 'måste ligga framåt i tiden' });
    if (asker && input.recipientIds.includes(asker)) throw badInput('Kommunen kan inte fråga sig själv.', { recipientIds: 'innehåller den egna kommunen' });
    // The registry's row-level security shows the caller's region only: anything else is unknown here.
    const known: { id: string }[] = await em.query('select id from municipality where id = any($1::uuid[])', [input.recipientIds]);
    if (known.length !== input.recipientIds.length) throw badInput('Mottagarna måste vara kommuner i den egna regionen.', { recipientIds: 'okänd kommun' });
    const id = randomUUID();
    await em.query(
      `insert into survey (region_id, id, asked_by_tenant_id, title, intro, deadline, recipients, created_by) values ($1, $2, $3, $4, $5, $6, $7::uuid[], $8)`,
      [actor.regionId, id, asker, input.title.trim(), input.intro, input.deadline, input.recipientIds, actor.username],
    );
    for (const [i, q] of input.questions.entries()) {
      await em.query('insert into survey_question (region_id, survey_id, id, position, text, kind) values ($1, $2, $3, $4, $5, $6)', [
        actor.regionId,
        id,
        randomUUID(),
        i + 1,
        q.text.trim(),
        q.kind,
      ]);
    }
    for (const m of input.recipientIds)
      await em.query('insert into survey_recipient (region_id, survey_id, municipality_id) values ($1, $2, $3)', [actor.regionId, id, m]);
    return (await this.get(id))!;
  }

  async list(): Promise<Survey[]> {
    const em = await this.db.manager();
    const rows: SurveyRow[] = await em.query('select * from survey order by created_at desc limit 200');
    return this.assemble(rows);
  }

  async get(id: string): Promise<Survey | null> {
    const em = await this.db.manager();
    const rows: SurveyRow[] = await em.query('select * from survey where id = $1', [id]);
    return rows[0] ? (await this.assemble([rows[0]]))[0]! : null;
  }

  /** The recipient's answers: replaces earlier ones, until the deadline (the database refuses later writes). */
  async answer(surveyId: string, input: AnswerSurveyInput): Promise<Survey> {
    const tenantId = this.db.tenantId();
    const survey = await this.get(surveyId);
    if (!survey || survey.myRole !== SurveyRole.RECIPIENT) throw notFound('Enkäten', surveyId);
    if (survey.deadline.getTime() <= this.clock.now().getTime()) throw conflict('Sista svarsdag har passerat: svaren kan inte längre ändras.');
    const byId = new Map(survey.questions.map((q) => [q.id, q]));
    const em = await this.db.manager();
    for (const a of input.answers) {
      const q = byId.get(a.questionId);
      if (!q) throw badInput('Frågan hör inte till enkäten.', { answers: 'okänd fråga' });
      const value = { choice: null as string | null, number: null as number | null, text: null as string | null };
      if (q.kind === SurveyQuestionKind.CHOICE) {
        if (!a.choice) throw badInput(`Fråga ${q.position} besvaras med ja, nej eller delvis.`, { answers: 'val saknas' });
        value.choice = a.choice;
        value.text = a.text?.trim() || null;
      } else if (q.kind === SurveyQuestionKind.NUMBER) {
        if (a.number === null || a.number === undefined) throw badInput(`Fråga ${q.position} besvaras med ett tal.`, { answers: 'tal saknas' });
        value.number = a.number;
      } else {
        value.text = a.text?.trim() ?? '';
      }
      await em.query(
        `insert into survey_answer (region_id, survey_id, municipality_id, question_id, choice, number, text, updated_at)
         values (app_current_region(), $1, $2, $3, $4, $5, $6, now())
         on conflict (region_id, survey_id, municipality_id, question_id) do update set choice = excluded.choice, number = excluded.number, text = excluded.text, updated_at = now()`,
        [surveyId, tenantId, a.questionId, value.choice, value.number, value.text],
      );
    }
    await em.query('update survey_recipient set answered_at = now(), answered_by = $2 where survey_id = $1 and municipality_id = app_current_tenant()', [
      surveyId,
      currentActor()?.username ?? '',
    ]);
    return (await this.get(surveyId))!;
  }

  /** Queues today's reminder to those who have not answered; returns how many that is now. */
  async remind(surveyId: string): Promise<number> {
    const actor = currentActor()!;
    const em = await this.db.manager();
    const own: { id: string }[] = await em.query('select id from survey where id = $1 and asked_by_tenant_id is not distinct from $2::uuid', [
      surveyId,
      actor.tenantId,
    ]);
    const survey = own[0] ? await this.get(surveyId) : null;
    // Only the asker reminds: coordinators follow their neighbours' surveys but do not chase them.
    if (!survey) throw notFound('Enkäten', surveyId);
    const data: RemindSurveyData = { regionId: actor.regionId, surveyId, askerTenantId: actor.tenantId, day: localDate(this.clock.now()) };
    this.db.afterCommit(() =>
      this.queue
        .add(REMIND_SURVEY, data, { jobId: jobId(REMIND_SURVEY, surveyId, data.day) })
        .catch((err: Error) => this.log.warn(`Could not queue the survey reminder: ${err.message}`)),
    );
    return survey.notAnswered.length;
  }

  /**
   * The reminder job, acting as the asker: one reminder per recipient and day, recorded before
   * the mail goes out, and only to recipients that have not answered.
   */
  async sendReminders(data: RemindSurveyData): Promise<string[]> {
    const asker: Actor = { userId: 'system', username: 'system', name: 'Mötesplats', roles: [], tenantId: data.askerTenantId, regionId: data.regionId };
    const due = await this.db.run(
      data.askerTenantId,
      async (em) => {
        const surveys: SurveyRow[] = await em.query('select * from survey where id = $1', [data.surveyId]);
        if (!surveys[0] || surveys[0].deadline.getTime() <= this.clock.now().getTime()) return { survey: null, ids: [] as string[], open: [] as string[] };
        const rows: { municipality_id: string }[] = await em.query(
          `insert into survey_reminder (region_id, survey_id, municipality_id, reminded_on, channel)
           select region_id, survey_id, municipality_id, $2::date, 'listed' from survey_recipient where survey_id = $1 and answered_at is null
           on conflict do nothing returning municipality_id`,
          [data.surveyId, data.day],
        );
        // Today's reminders not yet handed on, new or left by an attempt that stopped half-way.
        const open: { municipality_id: string }[] = await em.query(
          `select municipality_id from survey_reminder where survey_id = $1 and reminded_on = $2::date and sent_at is null order by municipality_id`,
          [data.surveyId, data.day],
        );
        return { survey: surveys[0], ids: rows.map((r) => r.municipality_id), open: open.map((r) => r.municipality_id) };
      },
      asker,
    );
    if (!due.survey) return [];
    const asked = due.survey.asked_by_tenant_id ? this.directory.municipality(due.survey.asked_by_tenant_id)?.name : this.associationName(data.regionId);
    for (const municipalityId of due.open) {
      // Each municipality's office address is its own to read: looked up, and the message written
      // to its outbox, in its own transaction. The key names survey, recipient and day, so an
      // attempt repeated after a failure below writes nothing twice.
      const to = await this.db.run(municipalityId, async (em) => {
        const r: { contact_email: string | null }[] = await em.query('select contact_email from municipality_region_settings where tenant_id = $1', [
          municipalityId,
        ]);
        const address = r[0]?.contact_email ?? null;
        if (address) {
          await sendNotice(this.mail, `survey:${data.surveyId}:${municipalityId}:${data.day}`, {
            to: address,
            subject: `Påminnelse: ${due.survey!.title}`,
            text: `${asked} väntar på ert svar på enkäten "${due.survey!.title}". Sista svarsdag: ${localDate(due.survey!.deadline)}. Svara under Enkäter i Mötesplats.`,
          });
        }
        return address;
      });
      if (!to) continue;
      await this.db.run(
        data.askerTenantId,
        (em) =>
          em.query(`update survey_reminder set channel = 'email', sent_at = now() where survey_id = $1 and municipality_id = $2 and reminded_on = $3`, [
            data.surveyId,
            municipalityId,
            data.day,
          ]),
        asker,
      );
    }
    return due.ids;
  }

  /** The results table as CSV: one row per recipient, one column per question; formula cells neutralised. */
  async csv(id: string): Promise<string> {
    const survey = await this.get(id);
    if (!survey || survey.myRole === SurveyRole.RECIPIENT) throw notFound('Enkäten', id);
    const header = ['kommun', 'besvarad', ...survey.questions.map((q) => `${q.position}. ${q.text}`)];
    const rows = survey.responses.map((r) => [
      r.municipalityName,
      r.answeredAt ? localDate(r.answeredAt) : 'ej besvarad',
      ...survey.questions.map((q) => answerText(r.answers.find((a) => a.questionId === q.id))),
    ]);
    return safeCsv(header, rows);
  }

  private associationName(regionId = currentActor()?.regionId ?? ''): string {
    return this.directory.region(regionId)?.name ?? 'Regionen';
  }

  /** Surveys with their questions, recipients and answers: three statements for the whole list. */
  private async assemble(rows: SurveyRow[]): Promise<Survey[]> {
    if (!rows.length) return [];
    const em = await this.db.manager();
    const tenantId = currentStore().tenantId !== undefined ? currentStore().tenantId : (currentActor()?.tenantId ?? null);
    const ids = rows.map((r) => r.id);
    const [allQuestions, allRecipients, allAnswers]: [
      (SurveyQuestion & { survey_id: string })[],
      { survey_id: string; municipality_id: string; answered_at: Date | null; last: string | null }[],
      { survey_id: string; municipality_id: string; question_id: string; choice: string | null; number: string | null; text: string | null }[],
    ] = [
      await em.query('select survey_id, id, position, text, kind from survey_question where survey_id = any($1::uuid[]) order by survey_id, position', [ids]),
      await em.query(
        `select r.survey_id, r.municipality_id, r.answered_at,
                (select max(reminded_on)::text from survey_reminder x where x.survey_id = r.survey_id and x.municipality_id = r.municipality_id) as last
           from survey_recipient r where r.survey_id = any($1::uuid[])`,
        [ids],
      ),
      await em.query('select survey_id, municipality_id, question_id, choice, number, text from survey_answer where survey_id = any($1::uuid[])', [ids]),
    ];
    return rows.map((row) => {
      const questions = allQuestions.filter((q) => q.survey_id === row.id).map(({ survey_id: _, ...q }) => q);
      const recipients = allRecipients.filter((r) => r.survey_id === row.id);
      const answers: (SurveyAnswerValue & { municipalityId: string })[] = allAnswers
        .filter((a) => a.survey_id === row.id)
        .map((a) => ({
          municipalityId: a.municipality_id,
          questionId: a.question_id,
          choice: a.choice as SurveyChoice | null,
          number: a.number === null ? null : Number(a.number),
          text: a.text,
        }));
      return this.assembleOne(row, tenantId, questions, recipients, answers);
    });
  }

  private assembleOne(
    row: SurveyRow,
    tenantId: string | null | undefined,
    questions: SurveyQuestion[],
    recipients: { municipality_id: string; answered_at: Date | null; last: string | null }[],
    answers: (SurveyAnswerValue & { municipalityId: string })[],
  ): Survey {
    const myRole = !tenantId ? SurveyRole.COORDINATOR : row.asked_by_tenant_id === tenantId ? SurveyRole.ASKER : SurveyRole.RECIPIENT;
    const name = (id: string) => this.directory.municipality(id)?.name ?? '';
    const responses = recipients
      .map((r) => ({
        municipalityId: r.municipality_id,
        municipalityName: name(r.municipality_id),
        answeredAt: r.answered_at,
        lastRemindedOn: r.last,
        answers: answers.filter((a) => a.municipalityId === r.municipality_id),
      }))
      .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'sv'));
    return {
      id: row.id,
      title: row.title,
      intro: row.intro,
      deadline: row.deadline,
      askedBy: row.asked_by_tenant_id ? name(row.asked_by_tenant_id) : this.associationName(row.region_id),
      myRole,
      createdAt: row.created_at,
      recipientCount: row.recipients.length,
      answeredCount: responses.filter((r) => r.answeredAt).length,
      questions,
      responses,
      notAnswered: myRole === SurveyRole.RECIPIENT ? [] : responses.filter((r) => !r.answeredAt).map((r) => r.municipalityName),
    };
  }
}

function answerText(a: SurveyAnswerValue | undefined): string {
  if (!a) return '';
  if (a.choice) return a.text ? `${CHOICE_TEXT[a.choice]}: ${a.text}` : CHOICE_TEXT[a.choice]!;
  if (a.number !== null) return String(a.number);
  return a.text ?? '';
}
