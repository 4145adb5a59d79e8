import { SetMetadata } from '@nestjs/common';
import type { Role } from './actor.js';

export const ROLES_KEY = 'motesplats:roles';
export const PUBLIC_KEY = 'motesplats:public';

/** Any of these roles may call the operation. Operations without it need only a sign-in. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Reachable without signing in. Everything else is closed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
