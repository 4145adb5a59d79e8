import { Foundation1763884800000 } from './1763884800000-foundation.js';
import { MembershipRoleOrder1763960000000 } from './1763960000000-membership-role-order.js';
import { BreakoutRooms1764000000000 } from './1764000000000-breakout-rooms.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [Foundation1763884800000, MembershipRoleOrder1763960000000, BreakoutRooms1764000000000];
