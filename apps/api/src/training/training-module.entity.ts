import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Who a module is for. Members and chairs are elected; the others are staff. */
export enum TrainingAudience {
  MEMBER = 'member',
  CHAIR = 'chair',
  SECRETARY = 'secretary',
  SUPPORT_STAFF = 'support_staff',
  COORDINATOR = 'coordinator',
}
registerEnumType(TrainingAudience, {
  name: 'TrainingAudience',
  valuesMap: {
    MEMBER: { description: 'Ledamöter och ersättare' },
    CHAIR: { description: 'Ordförande och vice ordförande' },
    SECRETARY: { description: 'Sekreterare' },
    SUPPORT_STAFF: { description: 'Mötessupport och IT-support' },
    COORDINATOR: { description: 'Regionala samordnare' },
  },
});

export enum TrainingKind {
  E_LEARNING = 'e_learning',
  INSTRUCTION = 'instruction',
  PRACTICE_SESSION = 'practice_session',
}
registerEnumType(TrainingKind, {
  name: 'TrainingKind',
  valuesMap: {
    E_LEARNING: { description: 'E-utbildning (länk)' },
    INSTRUCTION: { description: 'Instruktion (dokument)' },
    PRACTICE_SESSION: { description: 'Övningssammanträde' },
  },
});

/** Columns the regional library and a municipality's own modules share. */
abstract class ModuleColumns {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Stable: rule sets name required modules by key, completions and CSV files too. */
  @Column()
  key!: string;

  @Column()
  title!: string;

  @Column()
  description!: string;

  @Column({ type: 'text', array: true })
  audience!: TrainingAudience[];

  @Column({ type: 'text' })
  kind!: TrainingKind;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'validity_months', type: 'integer', nullable: true })
  validityMonths!: number | null;

  @Column({ type: 'boolean' })
  requirable!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The association's library, published to every municipality of the region. */
@Entity('regional_training_module')
export class RegionalTrainingModule extends ModuleColumns {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

/** A module one municipality made for itself. */
@Entity('training_module')
export class MunicipalTrainingModule extends ModuleColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;
}

export enum TrainingModuleScope {
  REGIONAL = 'regional',
  MUNICIPAL = 'municipal',
}
registerEnumType(TrainingModuleScope, {
  name: 'TrainingModuleScope',
  valuesMap: {
    REGIONAL: { description: 'Regionens bibliotek, publicerat av samordnarna' },
    MUNICIPAL: { description: 'Kommunens egen' },
  },
});

@ObjectType({ description: "A training module, from the regional library or the municipality's own." })
export class TrainingModule {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable key; rule sets list required modules by it' })
  key!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [TrainingAudience])
  audience!: TrainingAudience[];

  @Field(() => TrainingKind)
  kind!: TrainingKind;

  @Field(() => String, { nullable: true, description: 'The e-learning or the instruction document' })
  url!: string | null;

  @Field(() => Int, { nullable: true, description: 'Months a completion stays valid; null: it does not expire' })
  validityMonths!: number | null;

  @Field({ description: 'Whether rule sets may require it for remote participation' })
  requirable!: boolean;

  @Field(() => TrainingModuleScope)
  scope!: TrainingModuleScope;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Regional modules: when published to the municipalities' })
  publishedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  static of(row: RegionalTrainingModule | MunicipalTrainingModule): TrainingModule {
    // Saved rows come back as plain objects, so the table shows in the key, not the class.
    const regional = 'regionId' in row;
    return Object.assign(new TrainingModule(), {
      id: row.id,
      key: row.key,
      title: row.title,
      description: row.description,
      audience: row.audience,
      kind: row.kind,
      url: row.url,
      validityMonths: row.validityMonths,
      requirable: row.requirable,
      scope: regional ? TrainingModuleScope.REGIONAL : TrainingModuleScope.MUNICIPAL,
      publishedAt: regional ? (row as RegionalTrainingModule).publishedAt : null,
      updatedAt: row.updatedAt,
    });
  }
}
