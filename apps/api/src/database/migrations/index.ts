import { Foundation1763884800000 } from './1763884800000-foundation.js';
import { MembershipRoleOrder1763960000000 } from './1763960000000-membership-role-order.js';
import { Rules1764100000000 } from './1764100000000-rules.js';
import { BreakoutRooms1764200000000 } from './1764200000000-breakout-rooms.js';
import { Training1764300000000 } from './1764300000000-training.js';
import { PracticeSessionLinks1764400000000 } from './1764400000000-practice-session-links.js';
import { MemberContact1764500000000 } from './1764500000000-member-contact.js';
import { LeastPrivilege1764500100000 } from './1764500100000-least-privilege.js';
import { Outbox1764600000000 } from './1764600000000-outbox.js';
import { Support1764700000000 } from './1764700000000-support.js';
import { Region1764800000000 } from './1764800000000-region.js';
import { SupportPoolOptins1764890000000 } from './1764890000000-support-pool-optins.js';
import { TokenKeysTenantFirst1764920000000 } from './1764920000000-token-keys-tenant-first.js';
import { PerfTenantFirstFkIndexes1764930000000 } from './1764930000000-perf-tenant-first-fk-indexes.js';
import { JoinLookupFunction1764940000000 } from './1764940000000-join-lookup-function.js';
import { RegionalTrainingInRegion1764950000000 } from './1764950000000-regional-training-in-region.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [
  Foundation1763884800000,
  MembershipRoleOrder1763960000000,
  Rules1764100000000,
  BreakoutRooms1764200000000,
  Training1764300000000,
  PracticeSessionLinks1764400000000,
  MemberContact1764500000000,
  LeastPrivilege1764500100000,
  Outbox1764600000000,
  Support1764700000000,
  Region1764800000000,
  SupportPoolOptins1764890000000,
  TokenKeysTenantFirst1764920000000,
  PerfTenantFirstFkIndexes1764930000000,
  JoinLookupFunction1764940000000,
  RegionalTrainingInRegion1764950000000,
];
