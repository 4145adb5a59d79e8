import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Municipality, Region } from './municipality.entity.js';

@ObjectType({ description: 'The signed-in staff user.' })
export class Viewer {
  @Field(() => ID)
  userId!: string;

  @Field()
  username!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  roles!: string[];

  @Field(() => Municipality, { nullable: true, description: 'Null for region-wide users (coordinators)' })
  municipality!: Municipality | null;

  @Field(() => Region)
  region!: Region;
}
