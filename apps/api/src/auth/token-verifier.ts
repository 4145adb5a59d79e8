import Config from 'keycloak-connect/middleware/auth-utils/config.js';
import GrantManager from 'keycloak-connect/middleware/auth-utils/grant-manager.js';
import type { KeycloakSettings } from '../config/app-config.js';
import type { KeycloakClaims } from './keycloak-token.js';
import { Logger } from '@nestjs/common';

const log = new Logger('Auth');

export class InvalidTokenError extends Error {}

/** Clock skew allowed between Keycloak and this server, in seconds. */
const LEEWAY_S = 60;
/** How many distinct unknown key ids are remembered (each is logged once). */
const UNKNOWN_KIDS_REMEMBERED = 1000;
/** How many verified tokens are remembered until they expire (a token is about 1 kB). */
const VERIFIED_REMEMBERED = 5000;

interface Rotation {
  jwks: { kid?: string }[];
  lastTimeRequesTime: number;
  minTimeBetweenJwksRequests: number;
}

/**
 * Validates Keycloak bearer tokens offline (realm public key, or the realm's JWKS when no key
 * is configured): RS256 signature, expiry, exact issuer, audience. keycloak-connect only gets
 * security fixes, so it stays behind this one class and can be swapped for a JWKS verifier.
 */
export class TokenVerifier {
  private readonly grants: GrantManager;
  readonly issuer: string;
  private readonly unknownKids = new Set<string>();
  /**
   * Tokens already verified, until their expiry: an administrator's page sends the same token
   * with every request, and checking its RS256 signature again was 5% of the API's CPU under
   * the meetings list (issue 12). A signature does not change, and a token was never checked
   * against revocation (offline verification), so remembering it changes nothing but the cost.
   */
  private readonly verified = new Map<string, KeycloakClaims>();

  constructor(
    readonly settings: KeycloakSettings,
    private readonly warn: (message: string) => void = (m) => log.warn(m),
  ) {
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
    const known = this.verified.get(token);
    if (known) {
      if (known.exp * 1000 > Date.now()) return known;
      this.verified.delete(token);
    }
    const claims = await this.verifyOnce(token);
    if (this.verified.size >= VERIFIED_REMEMBERED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims);
    return claims;
  }

  private async verifyOnce(token: string): Promise<KeycloakClaims> {
    if (!isJwtShaped(token)) throw new InvalidTokenError('malformed');
    const kid = headerOf(token).kid;
    if (!this.settings.realmPublicKey && !this.mayFetchKeyFor(kid)) throw new InvalidTokenError('unknown key');
    let content: KeycloakClaims;
    try {
      const grant = await this.grants.createGrant({ access_token: token });
      if (!grant.access_token?.content) throw new Error('no access token');
      content = grant.access_token.content as unknown as KeycloakClaims;
    } catch (err) {
      if (err instanceof Error && /failed to load public key/.test(err.message)) {
        this.unknownKid(kid);
        throw new InvalidTokenError('unknown key');
      }
      // keycloak-connect's reasons ("expired", "wrong ISS", "signature") are safe to pass on.
      const reason = (err instanceof Error && /invalid token \(([^)]*)\)/.exec(err.message)?.[1]) || 'invalid';
      throw new InvalidTokenError(reason);
    }
    // keycloak-connect lets these through: a token without expiry never expires, another
    // client's token (azp) that merely lists us in aud was not issued to our users' sign-in, and
    // a token "issued" in the future was made by a wrong clock or a forger.
    const now = Math.floor(Date.now() / 1000);
    if (typeof content.exp !== 'number' || !Number.isFinite(content.exp)) throw new InvalidTokenError('no expiry');
    if (content.azp !== this.settings.clientId) throw new InvalidTokenError('issued to another client');
    if (typeof content.iat !== 'number' || content.iat > now + LEEWAY_S) throw new InvalidTokenError('issued in the future');
    return content;
  }

  /**
   * keycloak-connect fetches the realm's keys again for an unknown key id at most every few
   * seconds, and in between writes an error to the console for every such request. Refuse those
   * here instead, and say once per key id that tokens arrive signed with a key the realm does not
   * publish (a rotated key, or a forgery).
   */
  private mayFetchKeyFor(kid: string | undefined): boolean {
    const rotation = (this.grants as unknown as { rotation?: Rotation }).rotation;
    if (!rotation || rotation.jwks.some((k) => k.kid === kid)) return true;
    const nextFetch = rotation.lastTimeRequesTime + rotation.minTimeBetweenJwksRequests;
    if (Date.now() / 1000 > nextFetch) return true;
    this.unknownKid(kid);
    return false;
  }

  private unknownKid(kid: string | undefined): void {
    const key = String(kid ?? '(none)').slice(0, 100);
    if (this.unknownKids.has(key)) return;
    if (this.unknownKids.size >= UNKNOWN_KIDS_REMEMBERED) this.unknownKids.clear();
    this.unknownKids.add(key);
    this.warn(`Refusing tokens signed with key id "${key}": the realm does not publish it (rotated key or forgery). Said once per key id.`);
  }
}

function headerOf(token: string): { kid?: string } {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { kid?: string };
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
