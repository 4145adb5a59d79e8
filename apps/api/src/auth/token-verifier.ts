import Config from 'keycloak-connect/middleware/auth-utils/config.js';
import GrantManager from 'keycloak-connect/middleware/auth-utils/grant-manager.js';
import type { KeycloakSettings } from '../config/app-config.js';
import type { KeycloakClaims } from './keycloak-token.js';

export class InvalidTokenError extends Error {}

/**
 * Validates Keycloak bearer tokens offline (realm public key, or the realm's JWKS when no key
 * is configured): RS256 signature, expiry, exact issuer, audience. keycloak-connect only gets
 * security fixes, so it stays behind this one class and can be swapped for a JWKS verifier.
 */
export class TokenVerifier {
  private readonly grants: GrantManager;
  readonly issuer: string;

  constructor(readonly settings: KeycloakSettings) {
    const config = new Config({
      'auth-server-url': settings.url,
      realm: settings.realm,
      resource: settings.clientId,
      'realm-public-key': settings.realmPublicKey,
      'bearer-only': true,
      'verify-token-audience': true,
    });
    this.issuer = config.realmUrl;
    this.grants = new GrantManager(config);
  }

  async verify(token: string): Promise<KeycloakClaims> {
    if (!isJwtShaped(token)) throw new InvalidTokenError('malformed');
    try {
      const grant = await this.grants.createGrant({ access_token: token });
      const content = grant.access_token?.content;
      if (!content) throw new Error('no access token');
      return content as unknown as KeycloakClaims;
    } catch (err) {
      // keycloak-connect's reasons ("expired", "wrong ISS", "signature") are safe to pass on.
      const reason = (err instanceof Error && /invalid token \(([^)]*)\)/.exec(err.message)?.[1]) || 'invalid';
      throw new InvalidTokenError(reason);
    }
  }
}

/** keycloak-connect reports any unparsable token as "expired"; say what it really is. */
function isJwtShaped(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && typeof payload === 'object' && payload !== null;
  } catch {
    return false;
  }
}
