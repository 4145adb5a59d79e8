import { getAuthConfig } from './config';
import { keycloakToken } from './keycloak';
import { readToken } from './session';

/** The bearer token for the next API call, or null when nobody is signed in. */
export const getAccessToken = async (): Promise<string | null> => {
    const config = await getAuthConfig();
    return config.mode === 'keycloak' ? keycloakToken() : readToken();
};
