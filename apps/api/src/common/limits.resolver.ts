import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Module } from '@nestjs/common';
import { OVERRIDE_REASON_MIN_LENGTH } from '../rules/compliance.service.js';
import { TRAINING_VALIDITY_MONTHS_MAX } from '../training/training.inputs.js';
import { MAX_PER_PAGE } from './crud/list-args.js';

/**
 * The numbers the API validates against, so a client (the admin) asks for them instead of
 * keeping copies that drift when the API changes.
 */
@ObjectType({ description: 'Limits the API enforces on its inputs' })
export class ApiLimits {
  @Field(() => Int, { description: 'The largest perPage a list accepts' })
  maxPerPage!: number;

  @Field(() => Int, { description: 'The shortest overrideReason accepted when convening despite blockers' })
  overrideReasonMinLength!: number;

  @Field(() => Int, { description: 'The largest validityMonths of a training module' })
  trainingValidityMonthsMax!: number;
}

@Resolver()
export class LimitsResolver {
  @Query(() => ApiLimits, { description: 'Limits the API enforces on its inputs' })
  limits(): ApiLimits {
    return {
      maxPerPage: MAX_PER_PAGE,
      overrideReasonMinLength: OVERRIDE_REASON_MIN_LENGTH,
      trainingValidityMonthsMax: TRAINING_VALIDITY_MONTHS_MAX,
    };
  }
}

@Module({ providers: [LimitsResolver] })
export class LimitsModule {}
