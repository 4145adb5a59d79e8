import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { localSecret, type AppConfig, type KeycloakSettings } from '../config/app-config.js';
import { realmPublicKeyOf } from './keycloak-token.js';

export const DEV_REALM = 'motesplats';
export const DEV_CLIENT_ID = 'motesplats-admin';

export interface DevKeycloak {
  settings: KeycloakSettings;
  privateKey: KeyObject;
}

/**
 * Outside production and without Keycloak, the API plays a tiny realm of its own: a signing
 * key kept under .data/ and tokens in Keycloak's format, validated by the same code path.
 */
export function devKeycloak(config: AppConfig): DevKeycloak {
  const pem = localSecret(config.dataDir, 'dev-signing-key.pem', () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const privateKey = createPrivateKey(pem);
  return {
    privateKey,
    settings: {
      url: `${config.publicUrl}/dev-auth`,
      realm: DEV_REALM,
      clientId: DEV_CLIENT_ID,
      realmPublicKey: realmPublicKeyOf(createPublicKey(privateKey)),
    },
  };
}
