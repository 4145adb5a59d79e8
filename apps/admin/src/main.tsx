import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getAuthConfig } from './auth/config';
import { initKeycloak } from './auth/keycloak';

/**
 * In Keycloak mode, keycloak-js must process its redirect callback before react-admin's
 * router reads the URL, so it is initialised first. A failure here is not fatal: the
 * login page reports that the server could not be reached.
 */
const bootstrap = async () => {
    try {
        const config = await getAuthConfig();
        if (config.mode === 'keycloak') await initKeycloak(config);
    } catch (error) {
        console.warn('Sign-in could not be prepared', error);
    }
    createRoot(document.getElementById('root')!).render(
        <StrictMode>
            <App />
        </StrictMode>,
    );
};

void bootstrap();
