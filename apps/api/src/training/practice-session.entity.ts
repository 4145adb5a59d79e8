import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';
import type { PlatformKey } from '../video-platforms/video-platform.js';

/** An övningssammanträde: a rehearsal meeting where members practise taking part remotely. */
@ObjectType({ description: 'A practice session (övningssammanträde); attending it completes its module.' })
@Entity('practice_session')
export class PracticeSession extends TenantEntity {
  @Field()
  @Column({ name: 'module_key' })
  moduleKey!: string;

  @Field()
  @Column()
  title!: string;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Where the on-site part is held; null when only remote' })
  @Column({ type: 'text', nullable: true })
  place!: string | null;

  /** The session's video room, named on first use (see PracticeRoom). */
  @Column({ name: 'video_platform', type: 'text', nullable: true })
  videoPlatform!: PlatformKey | null;

  @Column({ name: 'video_external_id', type: 'text', nullable: true })
  videoExternalId!: string | null;
}

@ObjectType({ description: 'A member invited to a practice session.' })
@Entity('practice_session_invitee')
export class PracticeSessionInvitee extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When attendance was recorded; null: not (yet) attended' })
  @Column({ name: 'attended_at', type: 'timestamptz', nullable: true })
  attendedAt!: Date | null;
}
