import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

export enum ReminderChannel {
  EMAIL = 'email',
  SECRETARY_LIST = 'secretary_list',
}
registerEnumType(ReminderChannel, {
  name: 'ReminderChannel',
  valuesMap: {
    EMAIL: { description: 'E-post till ledamoten' },
    SECRETARY_LIST: { description: 'Ledamoten saknar e-post: på sekreterarens lista' },
  },
});

/** A reminder that a completion is about to expire: one per member, module and expiry date. */
@ObjectType({ description: 'A reminder that a training completion is about to expire.' })
@Entity('training_reminder')
export class TrainingReminder extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Field()
  @Column({ name: 'module_key' })
  moduleKey!: string;

  @Field({ description: 'Last valid day of the completion (YYYY-MM-DD)' })
  @Column({ name: 'valid_until', type: 'date' })
  validUntil!: string;

  @Field(() => ReminderChannel)
  @Column({ type: 'text' })
  channel!: ReminderChannel;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the e-mail went out' })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
