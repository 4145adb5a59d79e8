import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

/** A party's group in the council; its seats decide whether it gets a break-out room. */
@ObjectType({ description: 'A party group (partigrupp) and its seats in the council.' })
@Entity('party_group')
export class PartyGroup extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'party_id', type: 'uuid' })
  partyId!: string;

  @Field()
  @Column()
  name!: string;

  @Field(() => Int, { description: 'Seats in kommunfullmäktige' })
  @Column({ name: 'council_seats', type: 'integer' })
  councilSeats!: number;
}
