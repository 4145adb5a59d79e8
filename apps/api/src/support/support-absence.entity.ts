import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AbsenceKind } from './scheduling.js';

abstract class AbsenceColumns {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  kind!: AbsenceKind;

  @Column()
  note!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** An exception to a person's weekly availability: away (holiday, sick leave) or extra time. */
@Entity('support_absence')
export class SupportAbsence extends AbsenceColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;
}

@Entity('regional_support_absence')
export class RegionalSupportAbsence extends AbsenceColumns {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId!: string;
}
