import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member municipality: the tenant. Its name and codes are public, so no RLS here. */
@ObjectType({ description: 'A municipality (kommun) in the region: one tenant.' })
@Entity('municipality')
export class Municipality {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @Field()
  @Column()
  name!: string;

  @Field({ description: 'Kommunkod (SCB), four digits' })
  @Column()
  code!: string;

  @Field({ description: 'Short name used as the Keycloak organization alias' })
  @Column()
  slug!: string;
}

@ObjectType({ description: 'A regional association of municipalities (kommunalförbund).' })
@Entity('region')
export class Region {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field()
  @Column()
  name!: string;

  @Field()
  @Column()
  slug!: string;
}
