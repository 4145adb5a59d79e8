import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SupportSkill {
  IT_SUPPORT = 'it_support',
  MEETING_SUPPORT = 'meeting_support',
  AV_BROADCAST = 'av_broadcast',
  SECRETARY = 'secretary',
  COORDINATOR = 'coordinator',
}
registerEnumType(SupportSkill, {
  name: 'SupportSkill',
  valuesMap: {
    IT_SUPPORT: { description: 'IT-support' },
    MEETING_SUPPORT: { description: 'Dedikerat mötesstöd för ordförande och sekreterare' },
    AV_BROADCAST: { description: 'Ljud, bild och webbsändning' },
    SECRETARY: { description: 'Sekreterare' },
    COORDINATOR: { description: 'Samordnare' },
  },
});

/** The roles a meeting's rules can require (a subset of the skills). */
export enum SupportRoleKind {
  IT_SUPPORT = 'it_support',
  MEETING_SUPPORT = 'meeting_support',
}
registerEnumType(SupportRoleKind, { name: 'SupportRoleKind' });

export enum StaffAbsenceKind {
  HOLIDAY = 'holiday',
  SICK_LEAVE = 'sick_leave',
  OTHER = 'other',
  EXTRA_AVAILABILITY = 'extra_availability',
}
registerEnumType(StaffAbsenceKind, {
  name: 'StaffAbsenceKind',
  valuesMap: {
    HOLIDAY: { description: 'Semester' },
    SICK_LEAVE: { description: 'Sjukfrånvaro' },
    OTHER: { description: 'Annan frånvaro' },
    EXTRA_AVAILABILITY: { description: 'Tillgänglig utöver veckoschemat' },
  },
});

export enum AssignmentStatus {
  ASSIGNED = 'assigned',
  ACCEPTED = 'accepted',
  DECLINED = 'declined',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  valuesMap: {
    ASSIGNED: { description: 'Tilldelad, inte besvarad' },
    ACCEPTED: { description: 'Accepterad' },
    DECLINED: { description: 'Avböjd' },
    WITHDRAWN: { description: 'Återkallad' },
  },
});

export enum UnfitReason {
  INACTIVE = 'INACTIVE',
  SKILL_MISSING = 'SKILL_MISSING',
  ABSENT = 'ABSENT',
  UNAVAILABLE = 'UNAVAILABLE',
  DOUBLE_BOOKED = 'DOUBLE_BOOKED',
}
registerEnumType(UnfitReason, { name: 'UnfitReason' });

export enum SupportConflictKind {
  DOUBLE_BOOKED = 'DOUBLE_BOOKED',
  ABSENT = 'ABSENT',
  UNAVAILABLE = 'UNAVAILABLE',
  SKILL_MISSING = 'SKILL_MISSING',
  INACTIVE = 'INACTIVE',
}
registerEnumType(SupportConflictKind, { name: 'SupportConflictKind' });

export enum ForecastScope {
  MUNICIPALITY = 'municipality',
  POOL = 'pool',
}
registerEnumType(ForecastScope, { name: 'ForecastScope' });

@ObjectType('WeeklySlot', { description: 'Weekly recurring availability, Stockholm wall-clock time' })
export class WeeklySlotModel {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' })
  weekday!: number;

  @Field({ description: 'HH:MM' })
  from!: string;

  @Field({ description: 'HH:MM (24:00 for midnight)' })
  to!: string;
}

@ObjectType({ description: "A person in the municipality's support register or in the region's pool (not an elected member)." })
export class StaffMember {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Job title, e.g. IT-tekniker' })
  title!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Keycloak username or subject that signs in as this person' })
  account!: string | null;

  @Field(() => [SupportSkill])
  skills!: string[];

  @Field(() => [WeeklySlotModel])
  weekly!: WeeklySlotModel[];

  @Field()
  active!: boolean;

  @Field({ description: "From the region's shared pool" })
  pooled!: boolean;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

@ObjectType({ description: 'An exception to weekly availability: away, or available in addition.' })
export class StaffAbsence {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  staffId!: string;

  @Field()
  pooled!: boolean;

  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  endsAt!: Date;

  @Field(() => StaffAbsenceKind)
  kind!: string;

  @Field()
  note!: string;
}

@ObjectType('SupportAssignment', { description: 'A person assigned to a meeting in a support role, for the shift around it.' })
export class SupportAssignmentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field()
  meetingTitle!: string;

  @Field(() => SupportRoleKind)
  role!: string;

  @Field(() => ID)
  staffId!: string;

  @Field()
  staffName!: string;

  @Field()
  pooled!: boolean;

  @Field(() => AssignmentStatus)
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it was declined or withdrawn' })
  reason!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Shift start: the meeting start minus preparation time' })
  shiftStartsAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'Shift end: the meeting end plus time after' })
  shiftEndsAt!: Date;

  @Field(() => GraphQLISODateTime)
  meetingStartsAt!: Date;

  @Field(() => GraphQLISODateTime)
  meetingEndsAt!: Date;

  @Field()
  place!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt!: Date | null;
}

@ObjectType({ description: 'What a meeting needs in one support role, by the rules in force, and what it has.' })
export class SupportNeed {
  @Field(() => ID)
  meetingId!: string;

  @Field()
  meetingTitle!: string;

  @Field(() => GraphQLISODateTime)
  meetingStartsAt!: Date;

  @Field(() => GraphQLISODateTime)
  meetingEndsAt!: Date;

  @Field(() => GraphQLISODateTime)
  shiftStartsAt!: Date;

  @Field(() => GraphQLISODateTime)
  shiftEndsAt!: Date;

  @Field(() => SupportRoleKind)
  role!: string;

  @Field(() => Int)
  required!: number;

  @Field(() => Int, { description: 'Assigned or accepted, and not absent' })
  covered!: number;

  @Field(() => Int)
  missing!: number;

  @Field(() => Int, { description: 'People planned to take part remotely' })
  remoteParticipants!: number;
}

@ObjectType({ description: 'Someone who can take the shift, best first' })
export class SupportSuggestion {
  @Field(() => Int)
  rank!: number;

  @Field(() => StaffMember)
  staff!: StaffMember;

  @Field(() => Float, { description: "Hours of shifts in the shift's month: the load that is spread" })
  hoursThisMonth!: number;
}

@ObjectType({ description: 'Someone who cannot take the shift, and why' })
export class UnfitStaff {
  @Field(() => StaffMember)
  staff!: StaffMember;

  @Field(() => UnfitReason)
  reason!: string;
}

@ObjectType({ description: 'Suggestions for one need of one meeting' })
export class SupportSuggestions {
  @Field(() => SupportNeed)
  need!: SupportNeed;

  @Field(() => [SupportSuggestion])
  suggestions!: SupportSuggestion[];

  @Field(() => [UnfitStaff])
  unfit!: UnfitStaff[];
}

@ObjectType({ description: 'An assignment that no longer fits: the meeting moved, or the person became unavailable' })
export class SupportConflict {
  @Field(() => SupportAssignmentModel)
  assignment!: SupportAssignmentModel;

  @Field(() => SupportConflictKind)
  kind!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'Needed support hours against available hours for one week, scope and skill' })
export class SupportForecastRow {
  @Field({ description: 'Monday of the week (YYYY-MM-DD, Stockholm)' })
  weekStart!: string;

  @Field(() => ForecastScope)
  scope!: string;

  @Field(() => SupportRoleKind)
  skill!: string;

  @Field(() => Float, { description: "Shift hours the municipality's meetings that allow remote participation need (0 for the pool row)" })
  neededHours!: number;

  @Field(() => Float, { description: 'Available hours (weekly availability minus absences plus extra time)' })
  availableHours!: number;

  @Field(() => Float, { description: 'For the municipality row: needed minus own and pool availability, when positive' })
  shortfallHours!: number;
}

@ObjectType('SupportSettings', { description: "The municipality's support scheduling settings" })
export class SupportSettingsModel {
  @Field({ description: "Whether the region's shared pool may serve this municipality" })
  usesRegionalPool!: boolean;

  @Field(() => Int, { description: 'Preparation minutes before each meeting that a shift covers' })
  minutesBefore!: number;

  @Field(() => Int, { description: 'Minutes after each meeting that a shift covers' })
  minutesAfter!: number;
}

export enum StaffTrainingStatus {
  TRAINED = 'trained',
  EXPIRING = 'expiring',
  EXPIRED = 'expired',
  MISSING = 'missing',
}
registerEnumType(StaffTrainingStatus, { name: 'StaffTrainingStatus' });

@ObjectType({ description: 'Where one staff member stands on one module meant for their work (secretary, support staff)' })
export class StaffTrainingRow {
  @Field(() => ID)
  staffId!: string;

  @Field()
  staffName!: string;

  @Field()
  moduleKey!: string;

  @Field()
  moduleTitle!: string;

  @Field(() => StaffTrainingStatus)
  status!: string;

  @Field(() => String, { nullable: true, description: 'Last valid day of the best completion (YYYY-MM-DD); null when missing or never expiring' })
  validUntil!: string | null;
}

@ObjectType({ description: "A municipality of the coordinator's region and whether it uses the support pool" })
export class SupportPoolMunicipality {
  @Field(() => ID)
  municipalityId!: string;

  @Field()
  name!: string;

  @Field({ description: 'Whether the municipality has opted in to the pool' })
  usesRegionalPool!: boolean;
}
