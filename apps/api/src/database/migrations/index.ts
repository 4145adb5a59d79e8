import { Foundation1763884800000 } from './1763884800000-foundation.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [Foundation1763884800000];
