import { Injectable } from '@nestjs/common';
import type { SupportAssignment, TrainingCompletion } from '@motesplats/rules';
import type { AgendaItem } from '../meetings/agenda-item.entity.js';
import type { Attendance } from '../meetings/attendance.entity.js';
import type { Meeting } from '../meetings/meeting.entity.js';

/**
 * What the rules' evaluation needs to know about training: which modules each member has
 * valid on the meeting's date. The training capability supplies it; without it nobody has any
 * training (so a required module blocks remote participation, which is the safe reading).
 */
export interface TrainingFacts {
  /** Completions of the given members that are valid on `onDate` (a Stockholm date, YYYY-MM-DD). */
  completionsFor(memberIds: string[], onDate: string): Promise<TrainingCompletion[]>;
}

/**
 * What the evaluation needs to know about support: who covers which support role at each
 * meeting. The support capability supplies it; without it nobody is assigned (so required
 * support shows as missing, the safe reading).
 */
export interface SupportFacts {
  /** Per meeting id: the assignments that cover a need (assigned or accepted, person not absent). */
  assignedFor(meetingIds: string[]): Promise<Map<string, SupportAssignment[]>>;
}

/**
 * What the evaluation reads of the meetings themselves: the meeting, agendas and planned attendance, per
 * meeting id in the order asked (an Error in place of a list that could not be read). The
 * meetings capability supplies it; it reads the rules in turn (to refuse convening a meeting
 * with blockers), so it plugs in here rather than being imported.
 */
export interface MeetingRecords {
  /** The meeting, through the request's by-id loader; null when unknown (or another municipality's). */
  load(id: string): Promise<Meeting | null>;
  agendaItemsOf(meetingIds: string[]): Promise<(AgendaItem[] | Error)[]>;
  attendancesOf(meetingIds: string[]): Promise<(Attendance[] | Error)[]>;
}

/**
 * Where meetings, training and support plug in their facts. The rules own this seam, so the arrows point
 * one way: training and support import the rules (for the modules and roles a meeting
 * requires) and register here when their module starts; the rules import neither. The same
 * holds for the meetings' own records.
 */
@Injectable()
export class ComplianceFacts {
  private trainingFacts?: TrainingFacts;
  private supportFacts?: SupportFacts;
  private meetingRecords?: MeetingRecords;

  provideMeetings(records: MeetingRecords): void {
    this.meetingRecords = records;
  }

  /** Always registered by the meetings module; there is no meeting to evaluate without it. */
  get meetings(): MeetingRecords {
    if (!this.meetingRecords) throw new Error('The meetings module has not registered its records with the rules');
    return this.meetingRecords;
  }

  provideTraining(facts: TrainingFacts): void {
    this.trainingFacts = facts;
  }

  provideSupport(facts: SupportFacts): void {
    this.supportFacts = facts;
  }

  get training(): TrainingFacts | undefined {
    return this.trainingFacts;
  }

  get support(): SupportFacts | undefined {
    return this.supportFacts;
  }
}
