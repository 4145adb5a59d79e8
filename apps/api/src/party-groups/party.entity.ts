import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

@ObjectType({ description: 'A political party as organised in the municipality.' })
@Entity('party')
export class Party extends TenantEntity {
  @Field()
  @Column()
  name!: string;

  @Field({ description: 'e.g. S, M, SD, C, V, KD, L, MP' })
  @Column()
  abbreviation!: string;
}
