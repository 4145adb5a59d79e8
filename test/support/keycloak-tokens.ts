import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { realmPublicKeyOf, signKeycloakToken, type KeycloakClaims } from '@motesplats/api/auth/keycloak-token.js';

export const TEST_KEYCLOAK = { url: 'https://keycloak.test', realm: 'fyrbodal', clientId: 'motesplats-admin' };
export const TEST_ISSUER = `${TEST_KEYCLOAK.url}/realms/${TEST_KEYCLOAK.realm}`;

/** A stand-in for the realm's key pair: tokens are signed exactly as Keycloak signs them. */
export class TestRealm {
  readonly privateKey: KeyObject;
  readonly publicKey: string;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = realmPublicKeyOf(pair.publicKey);
  }

  /** A valid access token for a municipality's staff member, with any claim overridden. */
  token(organization: string, roles: string[], overrides: Partial<KeycloakClaims> = {}, key: KeyObject = this.privateKey): string {
    return signKeycloakToken(key, {
      iss: TEST_ISSUER,
      aud: [TEST_KEYCLOAK.clientId, 'account'],
      azp: TEST_KEYCLOAK.clientId,
      sub: `user-${organization}-${roles.join('-')}`,
      preferred_username: `${roles[0]}.${organization}`,
      name: `Test ${organization}`,
      realm_access: { roles: [...roles, 'offline_access', 'default-roles-fyrbodal'] },
      organization: { [organization]: { id: `org-${organization}` } },
      ...overrides,
    });
  }
}
