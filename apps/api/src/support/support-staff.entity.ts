import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WeeklySlot } from './scheduling.js';

/** Columns the municipality's register and the region's pool share. */
abstract class StaffColumns {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column()
  name!: string;

  @Column()
  title!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** The Keycloak username (or subject) of the person's own sign-in, which maps them to this row. */
  @Column({ type: 'text', nullable: true })
  account!: string | null;

  @Column({ type: 'text', array: true })
  skills!: string[];

  @Column({ type: 'jsonb' })
  weekly!: WeeklySlot[];

  @Column({ type: 'boolean' })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A person in one municipality's support register. */
@Entity('support_staff')
export class SupportStaff extends StaffColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;
}

/** A person in the region's shared pool, serving every municipality that opted in. */
@Entity('regional_support_staff')
export class RegionalSupportStaff extends StaffColumns {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId!: string;
}
