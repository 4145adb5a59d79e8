import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

export enum MembershipRole {
  CHAIR = 'chair',
  VICE_CHAIR = 'vice_chair',
  MEMBER = 'member',
  DEPUTY = 'deputy',
}
registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  valuesMap: {
    CHAIR: { description: 'Ordförande (presidium)' },
    VICE_CHAIR: { description: 'Vice ordförande (presidium)' },
    MEMBER: { description: 'Ledamot' },
    DEPUTY: { description: 'Ersättare' },
  },
});

/** The presidium leads the meeting from the physical place (KL, SKR guidance). */
export const PRESIDIUM_ROLES = [MembershipRole.CHAIR, MembershipRole.VICE_CHAIR];

@ObjectType({ description: "A member's seat in a body." })
@Entity('body_membership')
export class BodyMembership extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Field(() => MembershipRole)
  @Column({ type: 'text' })
  role!: MembershipRole;

  /** Computed by the database from the role; used only for sorting. */
  @Column({ name: 'role_rank', type: 'smallint', insert: false, update: false })
  roleRank!: number;
}
