import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { ConfigError } from '../../config/app-config.js';
import { readZoomSettings } from '../../config/zoom-settings.js';
import { zoomAdapterFor } from './zoom-adapter.js';

describe('Zoom settings from the environment', () => {
  it('leaves Zoom out when none of its variables is set', () => {
    assert.equal(readZoomSettings({}), undefined);
    assert.equal(zoomAdapterFor(readZoomSettings({})), undefined);
  });

  it('refuses a partial configuration without echoing the values given', () => {
    assert.throws(
      () => readZoomSettings({ ZOOM_ACCOUNT_ID: 'acc', ZOOM_CLIENT_SECRET: 'very-secret' }),
      (err: Error) => err instanceof ConfigError && /ZOOM_CLIENT_ID/.test(err.message) && !err.message.includes('very-secret'),
    );
  });

  it('defaults the host, the endpoints and the data residency, and lets tests point elsewhere', () => {
    const base = { ZOOM_ACCOUNT_ID: 'acc', ZOOM_CLIENT_ID: 'cid', ZOOM_CLIENT_SECRET: 'sec' };
    assert.deepEqual(readZoomSettings(base), {
      accountId: 'acc',
      clientId: 'cid',
      clientSecret: 'sec',
      userId: 'me',
      apiBase: 'https://api.zoom.us',
      oauthBase: 'https://zoom.us',
      dataResidency: 'US',
    });
    const local = readZoomSettings({
      ...base,
      ZOOM_API_BASE: 'http://127.0.0.1:4010/',
      ZOOM_OAUTH_BASE: 'http://127.0.0.1:4010',
      ZOOM_USER_ID: 'host@kommun.example',
      ZOOM_DATA_RESIDENCY: 'EU',
    });
    assert.equal(local?.apiBase, 'http://127.0.0.1:4010');
    assert.equal(local?.userId, 'host@kommun.example');
    assert.equal(zoomAdapterFor(readZoomSettings({ ...base, ZOOM_DATA_RESIDENCY: 'EU' }))?.capabilities.dataResidency, 'EU');
  });
});
