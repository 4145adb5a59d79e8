import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type AssignmentStatusValue = 'assigned' | 'accepted' | 'declined' | 'withdrawn';
/** Statuses in which an assignment covers a need and books the person. */
export const ACTIVE_STATUSES: AssignmentStatusValue[] = ['assigned', 'accepted'];

/** A person assigned to a meeting in a support role: the municipality's own or from the pool. */
@Entity('support_assignment')
export class SupportAssignment {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId!: string | null;

  @Column({ name: 'pool_region_id', type: 'uuid', nullable: true })
  poolRegionId!: string | null;

  @Column({ name: 'pool_staff_id', type: 'uuid', nullable: true })
  poolStaffId!: string | null;

  @Column({ type: 'text' })
  status!: AssignmentStatusValue;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'assigned_by' })
  assignedBy!: string;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
