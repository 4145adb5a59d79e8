import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PlatformKey } from '../video-platforms/video-platform.js';

/** One row per municipality; a municipality without a row has the defaults. */
@ObjectType({ description: "The municipality's own settings for join links and video meetings." })
@Entity('municipality_settings')
export class MunicipalitySettings {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => [String], { description: "The municipality's own sites (https origins) that may embed the member's join page" })
  @Column({ name: 'embed_origins', type: 'text', array: true })
  embedOrigins!: string[];

  @Field(() => String, { description: 'Video platform key: jitsi (default), zoom, teams' })
  @Column({ name: 'video_platform', type: 'text' })
  videoPlatform!: PlatformKey;

  @Field(() => Int, { description: 'Minutes before a room first opens that its links are e-mailed' })
  @Column({ name: 'link_delivery_lead_minutes', type: 'integer' })
  linkDeliveryLeadMinutes!: number;

  @Field(() => String, { nullable: true, description: "Whom members contact when their join link cannot let them in, as shown on the member's page" })
  @Column({ name: 'member_contact', type: 'text', nullable: true })
  memberContact!: string | null;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const DEFAULT_SETTINGS: Omit<MunicipalitySettings, 'tenantId' | 'updatedAt'> = {
  embedOrigins: [],
  videoPlatform: 'jitsi',
  linkDeliveryLeadMinutes: 24 * 60,
  memberContact: null,
};
