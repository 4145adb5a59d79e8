import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsString, MaxLength } from 'class-validator';
import { badInput } from '../app-error.js';
import { NotBlank } from './not-blank.js';

/** What anything held at a time has: a title and when it starts and ends (meetings, practice sessions). */
@InputType({ isAbstract: true })
export abstract class ScheduledInput {
  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  title!: string;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate()
  endsAt!: Date;
}

/** The end must come after the start; `what` names the thing for the person reading the error. */
export function assertEndsAfterStart(startsAt: Date, endsAt: Date, what: string): void {
  if (!(endsAt.getTime() > startsAt.getTime())) {
    throw badInput(`${what} måste sluta efter starttiden.`, { endsAt: 'måste vara efter starttiden' });
  }
}
