import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

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
}
