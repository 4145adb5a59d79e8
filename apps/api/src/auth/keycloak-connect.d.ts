// keycloak-connect ships types for its Express middleware only; these are the two internals
// we use to validate bearer tokens without Express.
declare module 'keycloak-connect/middleware/auth-utils/config.js' {
  export default class Config {
    constructor(config: Record<string, unknown>);
    clientId: string;
    realmUrl: string;
  }
}
declare module 'keycloak-connect/middleware/auth-utils/grant-manager.js' {
  import type Config from 'keycloak-connect/middleware/auth-utils/config.js';
  export default class GrantManager {
    constructor(config: Config);
    createGrant(raw: { access_token: string }): Promise<{ access_token?: { content: Record<string, unknown> } }>;
  }
}
