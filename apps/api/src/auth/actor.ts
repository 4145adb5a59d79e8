export const ROLES = ['tenant-admin', 'secretary', 'support', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in staff user, as the API sees them after the token is validated. */
export interface Actor {
  userId: string;
  username: string;
  name: string;
  roles: Role[];
  /** The municipality (tenant) the user works for; null for region-wide users. */
  tenantId: string | null;
  regionId: string;
}

export const MUNICIPAL_READERS: Role[] = ['tenant-admin', 'secretary', 'support'];
export const MUNICIPAL_WRITERS: Role[] = ['tenant-admin', 'secretary'];
export const MUNICIPAL_ADMINS: Role[] = ['tenant-admin'];
