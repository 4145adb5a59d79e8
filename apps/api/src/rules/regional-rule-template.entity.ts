import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RuleSetContent } from '@motesplats/rules';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JSONScalar } from '../common/json.scalar.js';

/** The association's recommended rules; each publication is a new, immutable version. */
@ObjectType({ description: "A published version of the region's recommended rule set, which municipalities adopt and override." })
@Entity('regional_rule_template')
export class RegionalRuleTemplate {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Stable name of the template, e.g. fyrbodal-2021' })
  @Column()
  key!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version!: number;

  @Field()
  @Column()
  name!: string;

  @Field(() => JSONScalar, { description: 'Same shape as RuleSetVersion.content' })
  @Column({ type: 'jsonb' })
  content!: RuleSetContent;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Field()
  @Column({ name: 'published_by' })
  publishedBy!: string;
}
