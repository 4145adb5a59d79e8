import { ConfigError } from './config-error.js';

export interface ZoomSettings {
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** The Zoom user who hosts the meetings ('me' = the account owner of the Server-to-Server app). */
  userId: string;
  apiBase: string;
  oauthBase: string;
  /** Where Zoom keeps the meetings' data; 'US' unless the account's contract says otherwise. */
  dataResidency: string;
}

/** Zoom is optional: undefined when none of its variables is set, an error when only some are. */
export function readZoomSettings(env: NodeJS.ProcessEnv): ZoomSettings | undefined {
  const { ZOOM_ACCOUNT_ID: accountId, ZOOM_CLIENT_ID: clientId, ZOOM_CLIENT_SECRET: clientSecret } = env;
  if (!accountId && !clientId && !clientSecret) return undefined;
  if (!accountId || !clientId || !clientSecret) {
    // Name the variables, never their values.
    throw new ConfigError('Zoom needs all of ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.');
  }
  return {
    accountId,
    clientId,
    clientSecret,
    userId: env.ZOOM_USER_ID || 'me',
    apiBase: (env.ZOOM_API_BASE || 'https://api.zoom.us').replace(/\/+$/, ''),
    oauthBase: (env.ZOOM_OAUTH_BASE || 'https://zoom.us').replace(/\/+$/, ''),
    dataResidency: env.ZOOM_DATA_RESIDENCY || 'US',
  };
}
