import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

/**
 * A sub-committee cannot allow remote participation itself: its parent committee decides it
 * (Fyrbodal study, KL 6:24). Kept as a history on the sub-committee, so a meeting is judged
 * by the decision in force on its date.
 */
@ObjectType({ description: "The parent committee's decision on remote participation in one of its sub-committees (utskott)." })
@Entity('sub_committee_remote_decision')
export class SubCommitteeRemoteDecision extends TenantEntity {
  @Field(() => ID, { description: 'The sub-committee' })
  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Field({ description: 'Whether members may take part remotely in the sub-committee' })
  @Column({ name: 'allows_remote', type: 'boolean' })
  allowsRemote!: boolean;

  @Field({ description: 'E.g. "SN 2021-03-01 § 12"' })
  @Column()
  reference!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;
}
