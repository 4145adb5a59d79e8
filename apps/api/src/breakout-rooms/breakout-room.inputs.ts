import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/**
 * Both ids are required: a room is always a party group's room at one convened meeting. There is
 * no input (and no mutation) for a party meeting on its own.
 */
@InputType({ description: "A party group's room alongside a convened meeting; a meeting is required (the Timrå rule)." })
export class CreateBreakoutRoomInput {
  @Field(() => ID, { description: 'The convened meeting the room belongs to' })
  @IsUUID()
  meetingId!: string;

  @Field(() => ID, { description: 'A party group with seats, per the rules' })
  @IsUUID()
  partyGroupId!: string;
}

@ObjectType({ description: 'A time window in which a room or link is open (closing instant excluded).' })
export class TimeWindowView {
  @Field(() => GraphQLISODateTime)
  opensAt!: Date;

  @Field(() => GraphQLISODateTime)
  closesAt!: Date;
}
