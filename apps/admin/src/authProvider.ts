import type { AuthProvider } from 'react-admin';
import { apiUrl } from './api';
import { getAuthConfig } from './auth/config';
import { initKeycloak, isKeycloakAuthenticated, keycloakLogin, keycloakLogout } from './auth/keycloak';
import { clearSession, readToken, storeToken } from './auth/session';
import { fetchViewer, type Viewer } from './dataProvider';
import type { ApiError } from './graphql';

export interface LoginParams {
    /** Dev mode: the seeded demo user to sign in as. Keycloak mode ignores it. */
    username?: string;
}

// The viewer is fetched once per token; the app bar and permissions both ask for it.
let viewerCache: { token: string; viewer: Promise<Viewer> } | undefined;

const currentViewer = async (): Promise<Viewer> => {
    const token = (await getAuthConfig()).mode === 'keycloak' ? 'kc' : (readToken() ?? '');
    if (!viewerCache || viewerCache.token !== token) {
        const viewer = fetchViewer();
        viewerCache = { token, viewer };
        viewer.catch(() => {
            viewerCache = undefined;
        });
    }
    return viewerCache.viewer;
};

const isSignedIn = async () => {
    const config = await getAuthConfig();
    if (config.mode === 'keycloak') {
        await initKeycloak(config);
        return isKeycloakAuthenticated();
    }
    return readToken() !== null;
};

export const authProvider: AuthProvider = {
    login: async ({ username }: LoginParams = {}) => {
        const config = await getAuthConfig();
        if (config.mode === 'keycloak') {
            // Leaves the page; react-admin must not redirect meanwhile.
            await keycloakLogin(config);
            return false;
        }
        if (!username) throw new Error('ra.auth.sign_in_error');
        const response = await fetch(apiUrl('/auth/dev/token'), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ username }),
        });
        if (!response.ok) throw new Error('ra.auth.sign_in_error');
        const { access_token, expires_in } = (await response.json()) as {
            access_token: string;
            expires_in?: number;
        };
        viewerCache = undefined;
        storeToken(access_token, expires_in);
    },

    logout: async () => {
        viewerCache = undefined;
        const config = await getAuthConfig().catch(() => undefined);
        if (config?.mode === 'keycloak' && isKeycloakAuthenticated()) {
            await keycloakLogout();
            return false;
        }
        clearSession();
    },

    checkAuth: async () => {
        if (!(await isSignedIn())) throw new Error('ra.auth.auth_check_error');
    },

    checkError: async (error: ApiError | undefined) => {
        if (error?.status === 401 || error?.code === 'UNAUTHENTICATED') {
            viewerCache = undefined;
            clearSession();
            // Rejecting makes react-admin log out and show the login page.
            throw new Error('ra.notification.logged_out');
        }
        // FORBIDDEN and everything else stay signed in; the failing query or mutation
        // shows the API's message in a notification.
    },

    getIdentity: async () => {
        const viewer = await currentViewer();
        return {
            id: viewer.userId,
            fullName: viewer.name,
            username: viewer.username,
            municipality: viewer.municipality,
            region: viewer.region,
            roles: viewer.roles,
        };
    },

    // No getPermissions on purpose: roles come with getIdentity, and a getPermissions that
    // resolves at once while signed out makes react-admin 5's logout redirect loop on
    // pushState for seconds (marmelab/react-admin#10764).
};
