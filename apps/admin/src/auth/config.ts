import { apiUrl } from '../api';

export type AuthConfig = { mode: 'dev' } | { mode: 'keycloak'; url: string; realm: string; clientId: string };

export interface DevUser {
    username: string;
    name: string;
    municipality?: string | null;
    roles: string[];
}

let configPromise: Promise<AuthConfig> | undefined;

/** Fetched once per page load: the sign-in mode cannot change while the app runs. */
export const getAuthConfig = (): Promise<AuthConfig> => {
    configPromise ??= fetch(apiUrl('/auth/config'), { headers: { Accept: 'application/json' } })
        .then(async response => {
            if (!response.ok) throw new Error(`GET /auth/config: HTTP ${response.status}`);
            const config = (await response.json()) as AuthConfig;
            if (config.mode !== 'dev' && config.mode !== 'keycloak') {
                throw new Error('GET /auth/config: unknown mode');
            }
            return config;
        })
        .catch(error => {
            // Allow a retry on the next call instead of caching the failure forever.
            configPromise = undefined;
            throw error;
        });
    return configPromise;
};

export const getDevUsers = async (): Promise<DevUser[]> => {
    const response = await fetch(apiUrl('/auth/dev/users'), {
        headers: { Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`GET /auth/dev/users: HTTP ${response.status}`);
    return (await response.json()) as DevUser[];
};
