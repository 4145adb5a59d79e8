import { createSign, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** The claims of a Keycloak (26+) access token that Mötesplats reads. */
export interface KeycloakClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  azp: string;
  typ: 'Bearer';
  exp: number;
  iat: number;
  jti?: string;
  preferred_username?: string;
  name?: string;
  realm_access?: { roles: string[] };
  resource_access?: Record<string, { roles: string[] }>;
  /** Keycloak Organizations: a map keyed by organization alias (or, without ids, a list of aliases). */
  organization?: Record<string, { id?: string }> | string[];
  [claim: string]: unknown;
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

/**
 * Signs a token the way Keycloak does (RS256 JWT with kid). Used by the dev sign-in, which
 * must exercise the same validation path as production, and by tests.
 */
export function signKeycloakToken(privateKey: KeyObject, claims: Partial<KeycloakClaims>, kid = 'motesplats-dev'): string {
  const now = Math.floor(Date.now() / 1000);
  const body: Partial<KeycloakClaims> = { iat: now, exp: now + 3600, jti: randomUUID(), typ: 'Bearer', ...claims };
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(body));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Keycloak publishes the realm key as base64 DER (SPKI); keycloak-connect wants exactly that. */
export function realmPublicKeyOf(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}
