import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

export enum CompletionSource {
  RECORDED = 'recorded',
  IMPORTED = 'imported',
  PRACTICE_SESSION = 'practice_session',
}
registerEnumType(CompletionSource, {
  name: 'CompletionSource',
  valuesMap: {
    RECORDED: { description: 'Registrerad av en handläggare' },
    IMPORTED: { description: 'Importerad från CSV' },
    PRACTICE_SESSION: { description: 'Deltog i ett övningssammanträde' },
  },
});

/**
 * One completed training, kept forever: a new completion supersedes an older one, nothing is
 * overwritten. Member + module + completed date identify it.
 */
@ObjectType({ description: "A member's completed training module." })
@Entity('training_completion')
export class TrainingCompletionRecord extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Field()
  @Column({ name: 'module_key' })
  moduleKey!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'completed_on', type: 'date' })
  completedOn!: string;

  @Field(() => String, { nullable: true, description: 'Last valid day (inclusive), YYYY-MM-DD; null: does not expire' })
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Field(() => CompletionSource)
  @Column({ type: 'text' })
  source!: CompletionSource;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'practice_session_id', type: 'uuid', nullable: true })
  practiceSessionId!: string | null;

  @Field({ description: 'The staff user who recorded or imported it' })
  @Column({ name: 'recorded_by' })
  recordedBy!: string;
}
