import { Field, ObjectType } from '@nestjs/graphql';
import { Member } from '../members/members.public.js';
import { LocalizedText } from '../rules/evaluation.model.js';

@ObjectType({ description: 'A member invited to take part remotely whom the rules keep out right now: their link opens nothing' })
export class BlockedFromRemote {
  @Field(() => Member)
  member!: Member;

  @Field(() => [String], { description: 'Stable reason codes, e.g. PRESIDIUM_MUST_BE_ON_SITE, TRAINING_MISSING' })
  codes!: string[];

  @Field(() => [LocalizedText])
  reasons!: LocalizedText[];
}
