import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Zoom's OAuth and REST API (node:http on a random loopback port). It
 * checks every request against Zoom's documented shapes — method, path, kind of
 * Authorization, content type, required fields and their types, no undocumented fields, the
 * breakout room structure — answers like Zoom (including 401 code 124 for an expired token and
 * 404 code 3001 for a meeting that is gone), and records what it was asked.
 * Shapes: Zoom API reference "Create a meeting", "Update a meeting", "List meetings",
 * "Add a meeting registrant", "Delete a meeting", and "Server-to-Server OAuth".
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  auth: 'basic' | 'bearer' | 'none';
  contentType?: string;
  body: unknown;
}

export interface StoredMeeting {
  id: number;
  userId: string;
  body: Record<string, any>;
  registrants: Map<string, { registrant_id: string; join_url: string }>;
}

export interface ZoomStandIn {
  /** Base URL for both ZOOM_API_BASE and ZOOM_OAUTH_BASE. */
  url: string;
  credentials: { accountId: string; clientId: string; clientSecret: string };
  requests: RecordedRequest[];
  /** Requests that did not match Zoom's documented shapes (each also answered 400). */
  violations: string[];
  meetings: Map<number, StoredMeeting>;
  /** Zoom revokes tokens early, e.g. when another token is issued for the app elsewhere. */
  expireTokens: () => void;
  /** The next API (not token) request gets this answer instead. */
  failNext: (failure: { status: number; headers?: Record<string, string>; body?: unknown }) => void;
  close: () => Promise<void>;
}

// Documented fields we accept (a subset of Zoom's schemas: anything else is a guessed name).
const MEETING_FIELDS = [
  'topic',
  'type',
  'start_time',
  'duration',
  'timezone',
  'agenda',
  'password',
  'settings',
  'tracking_fields',
  'schedule_for',
  'template_id',
  'default_password',
  'pre_schedule',
  'recurrence',
];
const SETTINGS_FIELDS = [
  'approval_type',
  'registration_type',
  'registrants_email_notification',
  'registrants_confirmation_email',
  'breakout_room',
  'host_video',
  'participant_video',
  'join_before_host',
  'jbh_time',
  'mute_upon_entry',
  'waiting_room',
  'meeting_authentication',
  'auto_recording',
  'audio',
  'email_notification',
  'private_meeting',
  'close_registration',
  'allow_multiple_devices',
  'alternative_hosts',
  'encryption_type',
];
const REGISTRANT_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'phone',
  'comments',
  'custom_questions',
  'industry',
  'job_title',
  'org',
  'language',
  'auto_approve',
];
const LIST_TYPES = ['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'];
const GMT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function startZoomStandIn(options: { maxPageSize?: number } = {}): Promise<ZoomStandIn> {
  const credentials = { accountId: 'acc-' + hex(6), clientId: 'cid-' + hex(6), clientSecret: 'sec-' + hex(16) };
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const meetings = new Map<number, StoredMeeting>();
  const tokens = new Set<string>();
  const failures: { status: number; headers?: Record<string, string>; body?: unknown }[] = [];
  let nextMeetingId = 85_012_345_670;
  let url = '';

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (err) {
        send(res, 500, { code: 500, message: String(err) });
      }
    });
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const u = new URL(req.url ?? '/', 'http://stand-in');
    const authorization = req.headers.authorization ?? '';
    const contentType = req.headers['content-type']?.split(';')[0]?.trim();
    const rec: RecordedRequest = {
      method: req.method ?? '',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      auth: authorization.startsWith('Basic ') ? 'basic' : authorization.startsWith('Bearer ') ? 'bearer' : 'none',
      contentType,
      body: undefined,
    };
    requests.push(rec);
    const problems: string[] = [];
    const reject = (status = 400) => {
      violations.push(...problems.map((p) => `${rec.method} ${rec.path}: ${p}`));
      send(res, status, { code: 300, message: problems.join('; ') });
    };

    if (u.pathname === '/oauth/token') {
      if (req.method !== 'POST') problems.push('token requests are POST');
      if (contentType !== 'application/x-www-form-urlencoded') problems.push(`token body must be form-encoded, got ${contentType}`);
      const form = new URLSearchParams(raw);
      rec.body = Object.fromEntries(form);
      if (form.get('grant_type') !== 'account_credentials') problems.push('grant_type must be account_credentials');
      if (problems.length) return reject();
      const expected = 'Basic ' + Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
      if (authorization !== expected) return send(res, 401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
      if (form.get('account_id') !== credentials.accountId) return send(res, 400, { reason: 'Invalid request : Bad Request', error: 'invalid_request' });
      const token = 'tok-' + hex(24);
      tokens.add(token);
      return send(res, 200, {
        access_token: token,
        token_type: 'bearer',
        expires_in: 3599,
        scope: 'meeting:write:meeting:admin meeting:read:list_meetings:admin',
        api_url: url,
      });
    }

    if (!u.pathname.startsWith('/v2/')) {
      problems.push('unknown endpoint');
      return reject(404);
    }
    const failure = failures.shift();
    if (failure) return send(res, failure.status, failure.body ?? {}, failure.headers);
    if (rec.auth !== 'bearer') {
      problems.push('API requests carry a Bearer token');
      return reject(401);
    }
    if (!tokens.has(authorization.slice('Bearer '.length))) return send(res, 401, { code: 124, message: 'Invalid access token.' });
    if (raw) {
      if (contentType !== 'application/json') problems.push(`JSON bodies need content-type application/json, got ${contentType}`);
      try {
        rec.body = JSON.parse(raw);
      } catch {
        problems.push('body is not JSON');
      }
      if (problems.length) return reject();
    }

    const userMeetings = u.pathname.match(/^\/v2\/users\/([^/]+)\/meetings$/);
    const meetingPath = u.pathname.match(/^\/v2\/meetings\/(\d+)(\/registrants)?$/);
    if (userMeetings && req.method === 'POST') {
      checkMeeting(rec.body, problems, true);
      if (problems.length) return reject();
      const body = rec.body as Record<string, any>;
      const id = nextMeetingId++;
      meetings.set(id, { id, userId: decodeURIComponent(userMeetings[1]!), body, registrants: new Map() });
      return send(res, 201, meetingView(meetings.get(id)!));
    }
    if (userMeetings && req.method === 'GET') {
      const type = rec.query.type ?? 'scheduled';
      if (!LIST_TYPES.includes(type)) problems.push(`type must be one of ${LIST_TYPES.join(', ')}`);
      const pageSize = Number(rec.query.page_size ?? 30);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 300) problems.push('page_size is an integer 1..300');
      if (problems.length) return reject();
      const all = [...meetings.values()].filter((m) => m.userId === decodeURIComponent(userMeetings[1]!));
      const size = Math.min(pageSize, options.maxPageSize ?? 300);
      const start = rec.query.next_page_token ? Number(rec.query.next_page_token) : 0;
      const page = all.slice(start, start + size);
      const more = start + size < all.length;
      return send(res, 200, {
        page_size: size,
        total_records: all.length,
        next_page_token: more ? String(start + size) : '',
        meetings: page.map((m) => {
          const { uuid, id, host_id, topic, type: t, start_time, duration, timezone, agenda, created_at, join_url } = meetingView(m);
          return { uuid, id, host_id, topic, type: t, start_time, duration, timezone, agenda, created_at, join_url };
        }),
      });
    }
    if (meetingPath) {
      const meeting = meetings.get(Number(meetingPath[1]));
      if (!meeting) return send(res, 404, { code: 3001, message: `Meeting does not exist: ${meetingPath[1]}.` });
      if (meetingPath[2] && req.method === 'POST') {
        checkRegistrant(rec.body, problems);
        if (![0, 1].includes(meeting.body.settings?.approval_type))
          problems.push('registration is not enabled for this meeting (settings.approval_type 0 or 1)');
        if (problems.length) return reject();
        const { email } = rec.body as { email: string };
        const key = email.toLowerCase();
        if (!meeting.registrants.has(key)) {
          meeting.registrants.set(key, { registrant_id: hex(11), join_url: `${url}/w/${meeting.id}?tk=${hex(20)}` });
        }
        const r = meeting.registrants.get(key)!;
        return send(res, 201, {
          id: meeting.id,
          join_url: r.join_url,
          registrant_id: r.registrant_id,
          start_time: meeting.body.start_time,
          topic: meeting.body.topic,
          occurrences: [],
        });
      }
      if (meetingPath[2]) {
        problems.push('registrants: only POST is used');
        return reject(405);
      }
      if (req.method === 'GET') return send(res, 200, meetingView(meeting));
      if (req.method === 'PATCH') {
        checkMeeting(rec.body, problems, false);
        if (problems.length) return reject();
        const patch = rec.body as Record<string, any>;
        meeting.body = { ...meeting.body, ...patch, settings: { ...meeting.body.settings, ...patch.settings } };
        return send(res, 204);
      }
      if (req.method === 'DELETE') {
        const reminder = rec.query.schedule_for_reminder;
        if (reminder !== undefined && reminder !== 'true' && reminder !== 'false') problems.push('schedule_for_reminder is a boolean');
        if (problems.length) return reject();
        meetings.delete(meeting.id);
        return send(res, 204);
      }
    }
    problems.push('unknown endpoint or method');
    return reject(404);
  }

  function meetingView(m: StoredMeeting) {
    const registration = [0, 1].includes(m.body.settings?.approval_type);
    return {
      uuid: Buffer.from(String(m.id)).toString('base64'),
      id: m.id,
      host_id: 'host-' + m.userId,
      host_email: 'host@kommun.example',
      topic: m.body.topic,
      type: m.body.type,
      status: 'waiting',
      start_time: m.body.start_time,
      duration: m.body.duration,
      timezone: m.body.timezone,
      agenda: m.body.agenda,
      created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      start_url: `${url}/s/${m.id}?zak=${hex(8)}`,
      join_url: `${url}/j/${m.id}?pwd=shared`,
      ...(registration ? { registration_url: `${url}/meeting/register/${m.id}` } : {}),
      settings: m.body.settings ?? {},
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    credentials,
    requests,
    violations,
    meetings,
    expireTokens: () => tokens.clear(),
    failNext: (failure) => void failures.push(failure),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function checkMeeting(body: unknown, problems: string[], create: boolean) {
  if (!isObject(body)) return void problems.push('body must be a JSON object');
  unknownFields(body, MEETING_FIELDS, '', problems);
  if (create || 'topic' in body) expect(typeof body.topic === 'string' && body.topic.length <= 200, 'topic: string of at most 200 characters', problems);
  if (create || 'type' in body) expect(body.type === 2, 'type: 2 (scheduled meeting)', problems);
  if (create || 'start_time' in body)
    expect(typeof body.start_time === 'string' && GMT_TIME.test(body.start_time), 'start_time: yyyy-MM-ddTHH:mm:ssZ', problems);
  if (create || 'duration' in body) expect(Number.isInteger(body.duration) && (body.duration as number) > 0, 'duration: positive integer (minutes)', problems);
  if (create || 'timezone' in body) expect(typeof body.timezone === 'string' && isTimeZone(body.timezone), 'timezone: an IANA time zone', problems);
  if ('agenda' in body) expect(typeof body.agenda === 'string' && body.agenda.length <= 2000, 'agenda: string of at most 2000 characters', problems);
  if (!('settings' in body)) return;
  const settings = body.settings;
  if (!isObject(settings)) return void problems.push('settings must be an object');
  unknownFields(settings, SETTINGS_FIELDS, 'settings.', problems);
  if ('approval_type' in settings) expect([0, 1, 2].includes(settings.approval_type as number), 'settings.approval_type: 0, 1 or 2', problems);
  for (const flag of ['registrants_email_notification', 'registrants_confirmation_email', 'join_before_host', 'waiting_room']) {
    if (flag in settings) expect(typeof settings[flag] === 'boolean', `settings.${flag}: boolean`, problems);
  }
  if (!('breakout_room' in settings)) return;
  const br = settings.breakout_room;
  if (!isObject(br)) return void problems.push('settings.breakout_room must be an object');
  unknownFields(br, ['enable', 'rooms'], 'settings.breakout_room.', problems);
  expect(typeof br.enable === 'boolean', 'settings.breakout_room.enable: boolean', problems);
  if (!('rooms' in br)) return;
  if (!Array.isArray(br.rooms)) return void problems.push('settings.breakout_room.rooms must be an array');
  const names = new Set<string>();
  br.rooms.forEach((room: unknown, i: number) => {
    const at = `settings.breakout_room.rooms[${i}]`;
    if (!isObject(room)) return void problems.push(`${at} must be an object`);
    unknownFields(room, ['name', 'participants'], `${at}.`, problems);
    expect(typeof room.name === 'string' && room.name.length > 0, `${at}.name: non-empty string`, problems);
    expect(!names.has(room.name as string), `${at}.name: unique within the meeting`, problems);
    names.add(room.name as string);
    expect(
      Array.isArray(room.participants) && room.participants.every((p: unknown) => typeof p === 'string' && EMAIL.test(p)),
      `${at}.participants: array of e-mail addresses`,
      problems,
    );
  });
}

function checkRegistrant(body: unknown, problems: string[]) {
  if (!isObject(body)) return void problems.push('body must be a JSON object');
  unknownFields(body, REGISTRANT_FIELDS, '', problems);
  expect(typeof body.first_name === 'string' && body.first_name.length > 0, 'first_name: required string', problems);
  expect(typeof body.email === 'string' && EMAIL.test(body.email), 'email: required e-mail address', problems);
  if ('last_name' in body) expect(typeof body.last_name === 'string', 'last_name: string', problems);
}

function unknownFields(obj: Record<string, unknown>, known: string[], prefix: string, problems: string[]) {
  for (const k of Object.keys(obj)) if (!known.includes(k)) problems.push(`${prefix}${k}: not a documented field`);
}

function expect(ok: boolean, what: string, problems: string[]) {
  if (!ok) problems.push(what);
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers }).end(JSON.stringify(body));
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
