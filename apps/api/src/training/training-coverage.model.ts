import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MembershipRole } from '../bodies/bodies.public.js';
import { Meeting } from '../meetings/meetings.public.js';

export enum CoverageStatus {
  TRAINED = 'trained',
  EXPIRING = 'expiring',
  EXPIRED = 'expired',
  MISSING = 'missing',
}
registerEnumType(CoverageStatus, {
  name: 'CoverageStatus',
  valuesMap: {
    TRAINED: { description: 'Giltig mer än 30 dagar till' },
    EXPIRING: { description: 'Går ut inom 30 dagar' },
    EXPIRED: { description: 'Har gått ut' },
    MISSING: { description: 'Aldrig genomförd' },
  },
});

@ObjectType({ isAbstract: true })
abstract class Counts {
  @Field()
  moduleKey!: string;

  @Field(() => MembershipRole)
  seatRole!: MembershipRole;

  @Field(() => Int)
  trained!: number;

  @Field(() => Int)
  expiring!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int)
  missing!: number;
}

@ObjectType({ description: "Coverage of one module among one body's seats of one role." })
export class CoverageRow extends Counts {
  @Field(() => ID)
  bodyId!: string;
}

@ObjectType({ description: 'Where one member stands on one module, for one seat.' })
export class CoverageMember {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  bodyId!: string;

  @Field(() => MembershipRole)
  seatRole!: MembershipRole;

  @Field()
  moduleKey!: string;

  @Field(() => CoverageStatus)
  status!: CoverageStatus;

  @Field(() => String, { nullable: true, description: 'Last valid day of the best completion; null when missing or not expiring' })
  validUntil!: string | null;
}

@ObjectType({ description: 'Counts for one municipality: never names; a count above zero and below the region\'s threshold is null (shown as "< 3").' })
export class RegionalCoverageRow {
  @Field(() => ID)
  municipalityId!: string;

  @Field()
  municipalityName!: string;

  @Field()
  moduleKey!: string;

  @Field(() => MembershipRole)
  seatRole!: MembershipRole;

  @Field(() => Int, { nullable: true })
  trained!: number | null;

  @Field(() => Int, { nullable: true })
  expiring!: number | null;

  @Field(() => Int, { nullable: true })
  expired!: number | null;

  @Field(() => Int, { nullable: true })
  missing!: number | null;
}

@ObjectType({ description: 'A member who may not take part remotely for want of training.' })
export class BlockedMember {
  @Field(() => ID)
  memberId!: string;

  @Field(() => MembershipRole)
  seatRole!: MembershipRole;

  @Field(() => [String], { description: 'Required modules without a valid completion on the meeting date' })
  missingModuleKeys!: string[];
}

@ObjectType({ description: 'An upcoming meeting and who training keeps from taking part remotely.' })
export class MeetingTrainingGaps {
  @Field(() => Meeting)
  meeting!: Meeting;

  @Field({ description: 'The meeting date in Stockholm, on which completions must be valid' })
  onDate!: string;

  @Field(() => [String])
  requiredModuleKeys!: string[];

  @Field(() => [BlockedMember])
  blocked!: BlockedMember[];
}
