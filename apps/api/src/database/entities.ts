import { BodyMembership } from '../bodies/body-membership.entity.js';
import { Body } from '../bodies/body.entity.js';
import { Member } from '../members/member.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Attendance } from '../meetings/attendance.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingRecess } from '../meetings/meeting-recess.entity.js';
import { BreakoutRoom } from '../breakout-rooms/breakout-room.entity.js';
import { CalendarFeed } from '../join-links/calendar-feed.entity.js';
import { JoinLink } from '../join-links/join-link.entity.js';
import { MunicipalitySettings } from '../tenancy/municipality-settings.entity.js';
import { VideoMeeting } from '../breakout-rooms/video-meeting.entity.js';
import { PartyGroup } from '../party-groups/party-group.entity.js';
import { Party } from '../party-groups/party.entity.js';
import { Municipality, Region } from '../tenancy/municipality.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { RegionalRuleTemplate } from '../rules/regional-rule-template.entity.js';
import { StoredRuleSetVersion } from '../rules/rule-set-version.entity.js';
import { SubCommitteeRemoteDecision } from '../rules/sub-committee-remote-decision.entity.js';
import { VideoPlatform } from '../rules/video-platform.entity.js';
import { PracticeSession, PracticeSessionInvitee } from '../training/practice-session.entity.js';
import { TrainingCompletionRecord } from '../training/training-completion.entity.js';
import { MunicipalTrainingModule, RegionalTrainingModule } from '../training/training-module.entity.js';
import { TrainingReminder } from '../training/training-reminder.entity.js';
import { RegionalSupportAbsence, SupportAbsence } from '../support/support-absence.entity.js';
import { SupportAssignment } from '../support/support-assignment.entity.js';
import { SupportSettingsRow } from '../support/support-settings.entity.js';
import { RegionalSupportStaff, SupportStaff } from '../support/support-staff.entity.js';

export const ENTITIES = [
  Region,
  Municipality,
  Body,
  Party,
  PartyGroup,
  Member,
  BodyMembership,
  Meeting,
  AgendaItem,
  Attendance,
  MeetingRecess,
  MunicipalitySettings,
  VideoMeeting,
  BreakoutRoom,
  JoinLink,
  CalendarFeed,
  VideoPlatform,
  RegionalRuleTemplate,
  StoredRuleSetVersion,
  SubCommitteeRemoteDecision,
  AuditEntry,
  RegionalTrainingModule,
  MunicipalTrainingModule,
  TrainingCompletionRecord,
  PracticeSession,
  PracticeSessionInvitee,
  TrainingReminder,
  SupportSettingsRow,
  SupportStaff,
  RegionalSupportStaff,
  SupportAbsence,
  RegionalSupportAbsence,
  SupportAssignment,
];
