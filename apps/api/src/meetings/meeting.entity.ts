import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';
import { MeetingStatus } from './meeting-status.js';

@ObjectType({ description: 'A meeting (sammanträde) of a body. Times are instants; the municipality shows them in Europe/Stockholm.' })
@Entity('meeting')
export class Meeting extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Field()
  @Column()
  title!: string;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field({ description: 'The physical place named in the notice (kallelse); the meeting is led from here' })
  @Column()
  place!: string;

  @Field(() => MeetingStatus)
  @Column({ type: 'text' })
  status!: MeetingStatus;

  @Field(() => String, { nullable: true, description: "The video platform for remote participants: a key in the region's platform catalog" })
  @Column({ name: 'platform_key', type: 'text', nullable: true })
  platformKey!: string | null;
}
