import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

/** A member's personal calendar feed; like join links, only the token's hash is kept. */
@Entity('calendar_feed')
export class CalendarFeed extends TenantEntity {
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;
}
