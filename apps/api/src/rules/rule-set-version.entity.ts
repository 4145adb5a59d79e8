import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { RuleSetContent } from '@motesplats/rules';
import { Column, Entity } from 'typeorm';
import { BodyKind } from '../bodies/body.entity.js';
import { JSONScalar } from '../common/json.scalar.js';
import { TenantEntity } from '../common/tenant-entity.js';

export enum RuleSetStatus {
  DRAFT = 'draft',
  PUBLISHED = 'published',
}
registerEnumType(RuleSetStatus, {
  name: 'RuleSetStatus',
  valuesMap: {
    DRAFT: { description: 'Utkast: editable, never applied to a meeting' },
    PUBLISHED: { description: 'Publicerad: immutable; applies from its effective date to meetings starting after it was published' },
  },
});

/** One version of a municipality's rules for remote participation. */
@ObjectType('RuleSetVersion', { description: "A version of the municipality's rules for remote participation (@motesplats/rules)." })
@Entity('rule_set_version')
export class StoredRuleSetVersion extends TenantEntity {
  @Field(() => Int)
  @Column({ type: 'integer' })
  version!: number;

  @Field(() => RuleSetStatus)
  @Column({ type: 'text' })
  status!: RuleSetStatus;

  @Field({ description: 'The decision adopting these rules, e.g. "KF 2020-04-20 § 45"; may be empty on a draft' })
  @Column({ name: 'decision_reference' })
  decisionReference!: string;

  @Field(() => BodyKind, { description: 'The body that decided (the council, for remote participation in political bodies)' })
  @Column({ name: 'decided_by', type: 'text' })
  decidedBy!: BodyKind;

  @Field(() => String, { nullable: true, description: 'Date of the decision, YYYY-MM-DD' })
  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @Field({ description: 'First Stockholm calendar date the version applies to, YYYY-MM-DD' })
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who published it' })
  @Column({ name: 'published_by', type: 'text', nullable: true })
  publishedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'The regional template version this was adopted from' })
  @Column({ name: 'template_id', type: 'text', nullable: true })
  templateId!: string | null;

  @Field(() => JSONScalar, {
    description:
      '{ bodyTypes: { council | executive_board | committee | sub_committee | company_board: BodyRules }, bodies: { [bodyId]: { bodyType, rules } } } as in @motesplats/rules',
  })
  @Column({ type: 'jsonb' })
  content!: RuleSetContent;
}
