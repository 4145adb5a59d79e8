import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JSONScalar } from '../common/json.scalar.js';

/** Something an administrator did against the rules' advice, with the reason they wrote. Append-only. */
@ObjectType({ description: 'An audit log entry: who overrode what, when, and why.' })
@Entity('audit_log')
export class AuditEntry {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Field()
  @Column({ name: 'actor_user_id' })
  actorUserId!: string;

  @Field()
  @Column({ name: 'actor_name' })
  actorName!: string;

  @Field({ description: 'E.g. meeting.convene.override' })
  @Column()
  action!: string;

  @Field()
  @Column({ name: 'subject_type' })
  subjectType!: string;

  @Field(() => ID)
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Field({ description: 'The written reason' })
  @Column()
  reason!: string;

  @Field(() => JSONScalar)
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
