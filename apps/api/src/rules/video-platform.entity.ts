import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Platform } from '@motesplats/rules';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A video platform in the region's catalog; rule sets approve platforms by key. */
@ObjectType({ description: "A video platform in the region's catalog (facts from the Fyrbodal study, 2020)." })
@Entity('video_platform')
export class VideoPlatform {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @Field()
  @PrimaryColumn()
  key!: string;

  @Field()
  @Column()
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Video tiles shown at once; caps remote participants where "all see all" is chosen' })
  @Column({ name: 'gallery_size', type: 'integer', nullable: true })
  gallerySize!: number | null;

  @Field(() => String, { nullable: true, description: 'SE, EU or US; null when unknown' })
  @Column({ name: 'data_residency', type: 'text', nullable: true })
  dataResidency!: 'SE' | 'EU' | 'US' | null;

  @Field(() => Boolean, { nullable: true, description: 'Sign-in with Swedish e-ID (BankID, Freja)' })
  @Column({ name: 'e_id_sign_in', type: 'boolean', nullable: true })
  eIdSignIn!: boolean | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'licence_cost_sek_per_user_year', type: 'integer', nullable: true })
  licenceCostSekPerUserYear!: number | null;

  @Field()
  @Column()
  note!: string;
}

export function toPlatform(row: VideoPlatform): Platform {
  return {
    key: row.key,
    name: row.name,
    gallerySize: row.gallerySize,
    dataResidency: row.dataResidency,
    eIdSignIn: row.eIdSignIn,
    licenceCostSekPerUserYear: row.licenceCostSekPerUserYear,
    note: row.note,
  };
}
