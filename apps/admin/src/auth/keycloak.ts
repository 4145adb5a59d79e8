import type Keycloak from 'keycloak-js';
import { readKeycloakTokens, storeKeycloakTokens, storeToken, clearSession } from './session';

type KeycloakSettings = { url: string; realm: string; clientId: string };

let instance: Keycloak | undefined;
let ready: Promise<Keycloak> | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

// Refresh when less than this many seconds remain, so no request carries an expiring token.
const MIN_VALIDITY_SECONDS = 30;

/** The app's own URL without any route: Keycloak must redirect back to a registered URI. */
const appUrl = () => `${window.location.origin}${import.meta.env.BASE_URL}`;

const remember = (kc: Keycloak) => {
    if (!kc.token) return;
    const expiresIn = kc.tokenParsed?.exp
        ? kc.tokenParsed.exp - Math.floor(Date.now() / 1000) + (kc.timeSkew ?? 0)
        : undefined;
    storeToken(kc.token, expiresIn);
    storeKeycloakTokens({ token: kc.token, refreshToken: kc.refreshToken, idToken: kc.idToken });
    scheduleRefresh(kc);
};

// Background refresh keeps the session alive while a page sits idle; getFreshToken
// covers the case where a timer was throttled in a background tab.
const scheduleRefresh = (kc: Keycloak) => {
    if (refreshTimer) clearTimeout(refreshTimer);
    const exp = kc.tokenParsed?.exp;
    if (!exp) return;
    const msLeft = (exp - Math.floor(Date.now() / 1000) + (kc.timeSkew ?? 0)) * 1000;
    const delay = Math.max(5_000, msLeft - MIN_VALIDITY_SECONDS * 1000 - 5_000);
    refreshTimer = setTimeout(() => {
        kc.updateToken(MIN_VALIDITY_SECONDS).catch(() => clearSession());
    }, delay);
};

/**
 * Initialises keycloak-js once. `check-sso` finds an existing Keycloak session without
 * forcing a login form; tokens saved in this tab are handed back so a reload does not
 * bounce through Keycloak. PKCE S256 because this is a public client.
 */
export const initKeycloak = (settings: KeycloakSettings): Promise<Keycloak> => {
    ready ??= (async () => {
        // Loaded only in Keycloak mode, and then only when signing in: the dev sign-in never needs it.
        const { default: KeycloakClient } = await import('keycloak-js');
        const kc = new KeycloakClient(settings);
        kc.onAuthSuccess = () => remember(kc);
        kc.onAuthRefreshSuccess = () => remember(kc);
        kc.onTokenExpired = () => {
            kc.updateToken(MIN_VALIDITY_SECONDS).catch(() => clearSession());
        };
        kc.onAuthRefreshError = () => clearSession();
        kc.onAuthLogout = () => clearSession();
        const saved = readKeycloakTokens();
        try {
            await kc.init({
                onLoad: 'check-sso',
                pkceMethod: 'S256',
                // Query mode keeps Keycloak's callback parameters out of the hash, which
                // react-admin's router owns.
                responseMode: 'query',
                redirectUri: appUrl(),
                // The login iframe relies on third-party cookies that browsers now block.
                checkLoginIframe: false,
                token: saved.token,
                refreshToken: saved.refreshToken,
                idToken: saved.idToken,
            });
        } catch (error) {
            // Saved tokens that Keycloak refuses (revoked session) must not block the
            // login page: start over without them.
            clearSession();
            if (saved.token) {
                await kc.init({
                    onLoad: 'check-sso',
                    pkceMethod: 'S256',
                    responseMode: 'query',
                    redirectUri: appUrl(),
                    checkLoginIframe: false,
                });
            } else {
                throw error;
            }
        }
        if (kc.authenticated) remember(kc);
        instance = kc;
        return kc;
    })();
    ready.catch(() => {
        ready = undefined;
    });
    return ready;
};

export const keycloakLogin = async (settings: KeycloakSettings) => {
    const kc = await initKeycloak(settings);
    await kc.login({ redirectUri: appUrl() });
};

export const keycloakLogout = async () => {
    const kc = instance;
    if (refreshTimer) clearTimeout(refreshTimer);
    clearSession();
    if (kc?.authenticated) {
        await kc.logout({ redirectUri: appUrl() });
    }
};

/** A token valid for at least MIN_VALIDITY_SECONDS, refreshing it first when needed. */
export const keycloakToken = async (): Promise<string | null> => {
    const kc = instance;
    if (!kc?.authenticated) return null;
    try {
        await kc.updateToken(MIN_VALIDITY_SECONDS);
    } catch {
        clearSession();
        return null;
    }
    return kc.token ?? null;
};

export const isKeycloakAuthenticated = () => !!instance?.authenticated;
