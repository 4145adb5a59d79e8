import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

/** How a member's identity has been verified for remote participation, weakest first. */
export enum IdentityLevel {
  NONE = 'none',
  MUNICIPAL_ACCOUNT = 'municipal_account',
  E_ID = 'e_id',
}
registerEnumType(IdentityLevel, {
  name: 'IdentityLevel',
  valuesMap: {
    NONE: { description: 'Inte styrkt' },
    MUNICIPAL_ACCOUNT: { description: 'Kommunens användarkonto' },
    E_ID: { description: 'E-legitimation (BankID, Freja)' },
  },
});

/**
 * An elected member (ledamot or ersättare). E-mail and phone are optional: many members have
 * no municipal account or e-mail address, and join links reach them in other ways.
 */
@ObjectType({ description: 'An elected member (förtroendevald).' })
@Entity('member')
export class Member extends TenantEntity {
  @Field()
  @Column()
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId!: string | null;

  @Field(() => IdentityLevel, { description: 'The strongest identity check the member has passed; the rules may require one to take part remotely' })
  @Column({ name: 'identity_level', type: 'text' })
  identityLevel!: IdentityLevel;
}
