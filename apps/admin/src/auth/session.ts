/**
 * The access token lives in sessionStorage: it survives a reload but not the tab, and is
 * never shared with other tabs or written to disk-backed localStorage.
 */
const TOKEN_KEY = 'motesplats.accessToken';
const EXPIRES_KEY = 'motesplats.accessTokenExpiresAt';
const KC_KEY = 'motesplats.keycloakTokens';

// Treat a token as expired a little early so a request never leaves with a dying token.
const EXPIRY_MARGIN_MS = 30_000;

export const storeToken = (accessToken: string, expiresInSeconds?: number) => {
    sessionStorage.setItem(TOKEN_KEY, accessToken);
    if (expiresInSeconds && expiresInSeconds > 0) {
        sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + expiresInSeconds * 1000));
    } else {
        sessionStorage.removeItem(EXPIRES_KEY);
    }
};

export const readToken = (): string | null => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return null;
    const expiresAt = Number(sessionStorage.getItem(EXPIRES_KEY) ?? 0);
    if (expiresAt && Date.now() > expiresAt - EXPIRY_MARGIN_MS) {
        clearSession();
        return null;
    }
    return token;
};

export interface KeycloakTokens {
    token?: string;
    refreshToken?: string;
    idToken?: string;
}

export const storeKeycloakTokens = (tokens: KeycloakTokens) => {
    sessionStorage.setItem(KC_KEY, JSON.stringify(tokens));
};

export const readKeycloakTokens = (): KeycloakTokens => {
    try {
        return JSON.parse(sessionStorage.getItem(KC_KEY) ?? '{}') as KeycloakTokens;
    } catch {
        return {};
    }
};

export const clearSession = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(EXPIRES_KEY);
    sessionStorage.removeItem(KC_KEY);
};
