import { ROLES, type Actor, type Role } from './actor.js';
import type { KeycloakClaims } from './keycloak-token.js';

export type Directory = (alias: string) => { tenantId: string | null; regionId: string } | undefined;

export class ClaimsError extends Error {}

/**
 * Turns validated token claims into an actor. The organization claim decides the tenant:
 * a municipality's alias binds the user to it; the region's alias makes a region-wide user,
 * who can hold no municipal role.
 */
export function actorFromClaims(claims: KeycloakClaims, clientId: string, directory: Directory): Actor {
  if (!claims.sub) throw new ClaimsError('Token saknar användar-id (sub).');
  const aliases = Array.isArray(claims.organization) ? claims.organization : Object.keys(claims.organization ?? {});
  if (aliases.length === 0) throw new ClaimsError('Token saknar kommun (organization).');
  if (aliases.length > 1) throw new ClaimsError('Token anger flera organisationer; logga in för en kommun i taget.');
  const place = directory(aliases[0]!);
  if (!place) throw new ClaimsError(`Organisationen "${aliases[0]}" är inte ansluten till Mötesplats.`);
  const granted = new Set([...(claims.realm_access?.roles ?? []), ...(claims.resource_access?.[clientId]?.roles ?? [])]);
  const roles = ROLES.filter((r): r is Role => granted.has(r)).filter((r) => (place.tenantId ? r !== 'coordinator' : r === 'coordinator'));
  if (roles.length === 0) throw new ClaimsError('Token ger ingen roll i Mötesplats.');
  return {
    userId: claims.sub,
    username: claims.preferred_username ?? claims.sub,
    name: claims.name ?? claims.preferred_username ?? claims.sub,
    roles,
    tenantId: place.tenantId,
    regionId: place.regionId,
  };
}
