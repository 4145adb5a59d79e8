import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

export enum BreakoutRoomStatus {
  SCHEDULED = 'scheduled',
  OPEN = 'open',
  CLOSED = 'closed',
  CANCELLED = 'cancelled',
}
registerEnumType(BreakoutRoomStatus, {
  name: 'BreakoutRoomStatus',
  valuesMap: {
    SCHEDULED: { description: 'Väntar: opens with its first window' },
    OPEN: { description: 'Öppet: inside a window' },
    CLOSED: { description: 'Stängt: between windows or after the meeting' },
    CANCELLED: { description: 'Inställt: the meeting was cancelled' },
  },
});

/**
 * A party group's digital group room alongside one convened meeting (Timrå, KS/2020:543):
 * never on its own — meeting_id is required in the schema and in the API.
 */
@ObjectType({ description: "A party group's break-out room alongside a convened meeting (the Timrå rule)." })
@Entity('breakout_room')
export class BreakoutRoom extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Field(() => ID)
  @Column({ name: 'party_group_id', type: 'uuid' })
  partyGroupId!: string;

  @Field()
  @Column()
  name!: string;

  @Field(() => BreakoutRoomStatus)
  @Column({ type: 'text' })
  status!: BreakoutRoomStatus;

  /** The platform's id of the room, stored as soon as it is provisioned. */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
