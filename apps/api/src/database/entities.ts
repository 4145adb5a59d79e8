import { BodyMembership } from '../bodies/body-membership.entity.js';
import { Body } from '../bodies/body.entity.js';
import { Member } from '../members/member.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Attendance } from '../meetings/attendance.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { PartyGroup } from '../party-groups/party-group.entity.js';
import { Party } from '../party-groups/party.entity.js';
import { Municipality, Region } from '../tenancy/municipality.entity.js';
import { PracticeSession, PracticeSessionInvitee } from '../training/practice-session.entity.js';
import { TrainingCompletionRecord } from '../training/training-completion.entity.js';
import { MunicipalTrainingModule, RegionalTrainingModule } from '../training/training-module.entity.js';
import { TrainingReminder } from '../training/training-reminder.entity.js';

export const ENTITIES = [
  Region, Municipality, Body, Party, PartyGroup, Member, BodyMembership, Meeting, AgendaItem, Attendance,
  RegionalTrainingModule, MunicipalTrainingModule, TrainingCompletionRecord, PracticeSession, PracticeSessionInvitee, TrainingReminder,
];
