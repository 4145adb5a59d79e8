import { Logger } from '@nestjs/common';
import type { ZoomSettings } from '../../config/zoom-settings.js';

const log = new Logger('Zoom');

/** Stable codes: jobs and the admin branch on these; the message is for a person. */
export type ZoomErrorCode = 'ZOOM_AUTH_FAILED' | 'ZOOM_RATE_LIMITED' | 'ZOOM_REQUEST_FAILED' | 'ZOOM_UNAVAILABLE';

export class ZoomError extends Error {
  constructor(
    readonly code: ZoomErrorCode,
    message: string,
    /** HTTP status from Zoom, when it answered. */
    readonly status?: number,
    /** Zoom's own error code (e.g. 3001 "meeting does not exist"), when it gave one. */
    readonly zoomCode?: number,
  ) {
    super(message);
    this.name = 'ZoomError';
  }
}

export interface ZoomClientOptions {
  /** Injected for tests: the clock deciding when the cached token is stale. */
  now?: () => number;
  /** Injected for tests: how to wait before retrying a 429. */
  sleep?: (ms: number) => Promise<void>;
}

interface CachedToken {
  value: string;
  staleAt: number;
}

/** Renew this long before Zoom's `expires_in` runs out, so a request never carries a dying token. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const MAX_RATE_LIMIT_RETRIES = 3;
/** A Retry-After longer than this (e.g. a daily quota) fails now; the job retries later. */
const MAX_RETRY_WAIT_MS = 30_000;

/**
 * Zoom's REST API with Server-to-Server OAuth (account credentials grant): one access token
 * per process, reused until shortly before it expires, renewed once when Zoom says 401.
 */
export class ZoomClient {
  private token?: CachedToken;
  private pendingToken?: Promise<string>;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly settings: ZoomSettings,
    options: ZoomClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Calls `/v2/<path>`: the parsed JSON body (undefined for 204), or a ZoomError carrying Zoom's status. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const send = async () => {
      const token = await this.accessToken();
      return this.send(`${this.settings.apiBase}/v2${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    };
    let res = await send();
    if (res.status === 401) {
      // Zoom may revoke a token early (a new one issued elsewhere, the app re-activated): renew once.
      this.token = undefined;
      await res.body?.cancel();
      res = await send();
      if (res.status === 401) throw await this.failure(res, 'ZOOM_AUTH_FAILED', 'Zoom godtog inte åtkomsttoken för Server-to-Server OAuth-appen.');
    }
    if (res.status === 204) return undefined;
    if (res.ok) return (await res.json()) as T;
    throw await this.failure(res, 'ZOOM_REQUEST_FAILED', `Zoom avvisade ${method} ${genericPath(path)}.`);
  }

  private accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.staleAt) return Promise.resolve(this.token.value);
    // Concurrent callers share one token request rather than each revoking the other's token.
    this.pendingToken ??= this.fetchToken().finally(() => (this.pendingToken = undefined));
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const { oauthBase, accountId, clientId, clientSecret } = this.settings;
    const res = await this.send(`${oauthBase}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId }).toString(),
    });
    if (!res.ok) {
      throw await this.failure(
        res,
        'ZOOM_AUTH_FAILED',
        'Zoom nekade inloggning för Server-to-Server OAuth-appen: kontrollera ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID och ZOOM_CLIENT_SECRET.',
      );
    }
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new ZoomError('ZOOM_AUTH_FAILED', 'Zoom svarade på tokenbegäran utan access_token eller expires_in.', res.status);
    }
    this.token = { value: body.access_token, staleAt: this.now() + Math.max(0, body.expires_in * 1000 - TOKEN_MARGIN_MS) };
    return body.access_token;
  }

  /** One HTTP exchange, repeated after a 429 as long as Zoom's Retry-After is reasonable. */
  private async send(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, init);
      } catch {
        // The cause may carry the request (and its Authorization header): leave it out.
        throw new ZoomError('ZOOM_UNAVAILABLE', 'Zoom kunde inte nås.');
      }
      if (res.status !== 429) return res;
      const wait = retryAfterMs(res.headers.get('retry-after'), this.now()) ?? 1000 * 2 ** attempt;
      if (attempt >= MAX_RATE_LIMIT_RETRIES || wait > MAX_RETRY_WAIT_MS) {
        throw await this.failure(res, 'ZOOM_RATE_LIMITED', 'Zoom begränsar antalet anrop just nu; försök igen senare.');
      }
      await res.body?.cancel();
      log.warn(`Zoom answered 429; retrying in ${wait} ms (attempt ${attempt + 1} of ${MAX_RATE_LIMIT_RETRIES})`);
      await this.sleep(wait);
    }
  }

  /** Zoom's own explanation (`message`, or `reason` from the token endpoint), with any credential removed. */
  private async failure(res: Response, code: ZoomErrorCode, summary: string): Promise<ZoomError> {
    const body = (await res.json().catch(() => ({}))) as { code?: unknown; message?: unknown; reason?: unknown };
    const detail = typeof body.message === 'string' ? body.message : typeof body.reason === 'string' ? body.reason : '';
    const zoomCode = typeof body.code === 'number' ? body.code : undefined;
    const text = detail ? `${summary} (HTTP ${res.status}: ${this.redact(detail)})` : `${summary} (HTTP ${res.status})`;
    return new ZoomError(code, text, res.status, zoomCode);
  }

  private redact(text: string): string {
    const { clientSecret, clientId } = this.settings;
    const secrets = [clientSecret, Buffer.from(`${clientId}:${clientSecret}`).toString('base64'), this.token?.value].filter((s): s is string => !!s);
    return secrets.reduce((t, s) => t.split(s).join('***'), text).slice(0, 300);
  }
}

/** Retry-After is either seconds or an HTTP date. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Error messages name the endpoint, not the meeting or user it was called for. */
function genericPath(path: string): string {
  return path
    .replace(/\?.*$/, '')
    .replace(/\/users\/[^/]+/, '/users/{userId}')
    .replace(/\/meetings\/\d+/, '/meetings/{meetingId}');
}
