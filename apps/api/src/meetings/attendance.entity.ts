import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

export enum AttendanceMode {
  ON_SITE = 'on_site',
  REMOTE = 'remote',
  ABSENT = 'absent',
}
registerEnumType(AttendanceMode, {
  name: 'AttendanceMode',
  valuesMap: {
    ON_SITE: { description: 'På plats' },
    REMOTE: { description: 'På distans' },
    ABSENT: { description: 'Frånvarande' },
  },
});

/** Who took part how: courts have quashed decisions over this record. */
@ObjectType({ description: "A member's attendance at a meeting." })
@Entity('attendance')
export class Attendance extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Field(() => AttendanceMode)
  @Column({ type: 'text' })
  mode!: AttendanceMode;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'joined_at', type: 'timestamptz', nullable: true })
  joinedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'A deputy stepping in (tjänstgörande ersättare): the member whose seat they take' })
  @Column({ name: 'replaces_member_id', type: 'uuid', nullable: true })
  replacesMemberId!: string | null;

  @Field({ description: 'Company boards: the member agrees to the board meeting with remote participants' })
  @Column({ name: 'consents_to_remote', type: 'boolean' })
  consentsToRemoteMeeting!: boolean;

  @Field({ description: 'Company boards: the member has received the documents (ABL 8 kap. 21 §)' })
  @Column({ name: 'documents_delivered', type: 'boolean' })
  documentsDelivered!: boolean;
}
