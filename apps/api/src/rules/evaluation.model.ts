import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/json.scalar.js';

/*
 * The evaluation as @motesplats/rules returns it, typed for GraphQL. Codes and severities
 * are the library's strings (stable; clients key on them), not GraphQL enums, so a new
 * finding code in the library never breaks the schema.
 */

@ObjectType({ description: 'A text in Swedish and English' })
export class LocalizedText {
  @Field()
  sv!: string;

  @Field()
  en!: string;
}

@ObjectType({ description: "What an answer rests on: law (statute), guidance (SKR, the Fyrbodal study) or local (the municipality's decision)" })
export class Basis {
  @Field({ description: 'law | guidance | local' })
  kind!: string;

  @Field({ description: 'E.g. "KL 5 kap. 16 §" or "KF 2020-04-20 § 45"' })
  reference!: string;
}

@ObjectType()
export class Finding {
  @Field({ description: 'Stable code, e.g. PRESIDIUM_NOT_ON_SITE, NO_QUORUM, TRAINING_MISSING' })
  code!: string;

  @Field({ description: 'blocker | warning' })
  severity!: string;

  @Field(() => LocalizedText)
  message!: LocalizedText;

  @Field(() => Basis)
  basis!: Basis;

  @Field(() => ID, { nullable: true })
  memberId!: string | null;

  @Field(() => ID, { nullable: true })
  itemId!: string | null;
}

@ObjectType()
export class EligibilityReason {
  @Field({
    description:
      'REMOTE_ALLOWED, REMOTE_NOT_ALLOWED, PARENT_BODY_NOT_ALLOWED, COMPANY_BOARD_CONSENT_MISSING, ITEM_EXCLUDED, PRESIDIUM_MUST_BE_ON_SITE, TRAINING_MISSING, IDENTITY_INSUFFICIENT',
  })
  code!: string;

  @Field(() => LocalizedText)
  message!: LocalizedText;

  @Field(() => Basis)
  basis!: Basis;
}

@ObjectType({ description: 'May this member take part remotely in this item, and why' })
export class RemoteEligibility {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  itemId!: string;

  @Field({ description: 'on_site | remote | absent' })
  plannedMode!: string;

  @Field()
  mayTakePartRemotely!: boolean;

  @Field(() => [EligibilityReason])
  reasons!: EligibilityReason[];
}

@ObjectType({ description: 'Quorum for one item: on-site members plus remote members eligible for that item' })
export class ItemQuorum {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int)
  seats!: number;

  @Field(() => Int, { nullable: true })
  required!: number | null;

  @Field(() => Int)
  counted!: number;

  @Field(() => Int)
  countedOnSite!: number;

  @Field(() => Int)
  countedRemote!: number;

  @Field(() => [ID])
  countedMemberIds!: string[];

  @Field(() => Boolean, { nullable: true, description: 'Company boards: whether all have the documents' })
  documentsDeliveredToAll!: boolean | null;

  @Field()
  hasQuorum!: boolean;

  @Field(() => Basis)
  basis!: Basis;
}

@ObjectType({ description: 'The rules that applied: a municipal version, or the law baseline when none was in force' })
export class AppliedRuleSet {
  @Field({ description: 'municipal | law_baseline' })
  source!: string;

  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Field(() => String, { nullable: true })
  decisionReference!: string | null;

  @Field(() => String, { nullable: true })
  effectiveFrom!: string | null;
}

@ObjectType()
export class RemoteParticipants {
  @Field(() => Int)
  planned!: number;

  @Field(() => Int, { nullable: true, description: 'The cap from the rules, or the platform gallery where all must see all' })
  cap!: number | null;
}

@ObjectType({ description: 'A member as the evaluation saw them' })
export class PlannedParticipant {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'chair | vice_chair | member | deputy' })
  role!: string;

  @Field({ description: 'on_site | remote | absent' })
  mode!: string;

  @Field({ description: 'Counts toward quorum: an ordinary member, or a deputy stepping in' })
  voting!: boolean;
}

@ObjectType()
export class PlannedItem {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field(() => [String], { description: 'Kinds, with confidential and closed_vote folded in' })
  kinds!: string[];
}

@ObjectType({ description: 'A meeting judged by the rules in force on its date (Europe/Stockholm)' })
export class MeetingEvaluation {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => String, { nullable: true })
  meetingDate!: string | null;

  @Field({ description: 'No blockers' })
  compliant!: boolean;

  @Field(() => AppliedRuleSet)
  ruleSet!: AppliedRuleSet;

  @Field(() => [Finding], { description: 'Blockers first' })
  findings!: Finding[];

  @Field(() => [RemoteEligibility], { description: 'Member × item, members in seat order, items in agenda order' })
  remoteEligibility!: RemoteEligibility[];

  @Field(() => [ItemQuorum])
  quorum!: ItemQuorum[];

  @Field(() => RemoteParticipants)
  remoteParticipants!: RemoteParticipants;

  @Field(() => JSONScalar, { description: "The body's rules as applied, the law's floor included (BodyRules)" })
  rules!: unknown;

  @Field(() => [PlannedParticipant])
  members!: PlannedParticipant[];

  @Field(() => [PlannedItem])
  items!: PlannedItem[];
}
