import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

/** A recess (ajournering) the secretary started: party groups may meet in their rooms then. */
@ObjectType({ description: 'A recess (ajournering) of a meeting, as the secretary started and ended it.' })
@Entity('meeting_recess')
export class MeetingRecess extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Empty while the recess goes on' })
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
