import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

export enum DeliveryChannel {
  EMAIL = 'email',
  /** No e-mail address: the secretary hands the link over some other way. */
  SECRETARY = 'secretary',
}
registerEnumType(DeliveryChannel, {
  name: 'DeliveryChannel',
  valuesMap: { EMAIL: { description: 'E-post med kalenderinbjudan' }, SECRETARY: { description: 'Via sekreteraren (ingen e-postadress)' } },
});

/**
 * One member's personal way in to a meeting (roomId empty: taking part remotely), to a party
 * group's break-out room, or to a practice session (then meetingId is empty). Only the SHA-256 of the token is kept; issuing again replaces it, so
 * the old token stops working.
 */
@ObjectType({ description: "A member's personal join link to a meeting, a break-out room or a practice session. The token itself is never stored." })
@Entity('join_link')
export class JoinLink extends TenantEntity {
  @Field(() => ID, { nullable: true, description: 'Empty for a link to a practice session' })
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Set for a link to a practice session (övningssammanträde)' })
  @Column({ name: 'practice_session_id', type: 'uuid', nullable: true })
  practiceSessionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Empty: the link to the meeting itself, for taking part remotely' })
  @Column({ name: 'room_id', type: 'uuid', nullable: true })
  roomId!: string | null;

  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'token_hash', type: 'bytea', nullable: true })
  tokenHash!: Buffer | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Field(() => DeliveryChannel, { nullable: true })
  @Column({ name: 'delivery_channel', type: 'text', nullable: true })
  deliveryChannel!: DeliveryChannel | null;

  @Field(() => String, { nullable: true, description: 'Why the last delivery failed' })
  @Column({ name: 'delivery_error', type: 'text', nullable: true })
  deliveryError!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'first_used_at', type: 'timestamptz', nullable: true })
  firstUsedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Int)
  @Column({ name: 'use_count', type: 'integer' })
  useCount!: number;
}
