import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One row per municipality; a municipality without a row has the defaults. */
@Entity('support_settings')
export class SupportSettingsRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'uses_regional_pool', type: 'boolean' })
  usesRegionalPool!: boolean;

  @Column({ name: 'minutes_before', type: 'integer' })
  minutesBefore!: number;

  @Column({ name: 'minutes_after', type: 'integer' })
  minutesAfter!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const DEFAULT_SUPPORT_SETTINGS = { usesRegionalPool: false, minutesBefore: 30, minutesAfter: 15 };
