import { Field, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/json.scalar.js';

@ObjectType({ description: "One field where the municipality's rules differ from the regional template" })
export class RuleDifference {
  @Field({ description: 'E.g. bodyTypes.council.maxRemoteParticipants or bodies.<bodyId>.identityCheck' })
  path!: string;

  @Field(() => JSONScalar, { nullable: true })
  templateValue!: unknown;

  @Field(() => JSONScalar, { nullable: true })
  municipalValue!: unknown;

  @Field({ description: 'tighter | looser | other: less or more permissive for remote participation than the template' })
  change!: string;
}
