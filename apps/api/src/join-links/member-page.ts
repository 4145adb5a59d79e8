import { createHash } from 'node:crypto';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules';
import type { JoinView } from './join-access.service.js';

/** What the page and its status endpoint say about a link; the same shape for every invalid one. */
export interface JoinStatus {
  state: JoinView['state'] | 'invalid';
  serverNow: string;
  kind?: JoinView['kind'];
  memberName?: string;
  meetingTitle?: string;
  municipalityName?: string;
  startsAt?: string;
  roomName?: string | null;
  opensAt?: string | null;
  closesAt?: string | null;
  /** Only in the answer to entering (POST), while open. */
  embed?: { domain: string; roomName: string; jwt: string; url: string } | null;
  /** The rules keep the member out right now: why (Swedish and English) and whom to contact. */
  blocked?: { reasons: { code: string; sv: string; en: string }[]; contact: string | null } | null;
}

export const INVALID_STATUS = { state: 'invalid' } as const;

export function joinStatus(view: JoinView, now: Date): JoinStatus {
  return {
    state: view.state,
    serverNow: now.toISOString(),
    kind: view.kind,
    memberName: view.memberName,
    meetingTitle: view.meetingTitle,
    municipalityName: view.municipalityName,
    startsAt: view.startsAt.toISOString(),
    roomName: view.roomName,
    opensAt: view.opensAt?.toISOString() ?? null,
    closesAt: view.closesAt?.toISOString() ?? null,
    embed: view.join?.embed ? { ...view.join.embed, url: view.join.url } : null,
    blocked: view.blocked,
  };
}

/**
 * Content-Security-Policy of the member's page: nothing but itself, its status endpoint and the
 * video platform; embeddable only in the municipality's own sites (none: not embeddable).
 */
export function memberPageCsp(nonce: string, videoDomain: string, embedOrigins: readonly string[]): string {
  const video = `https://${videoDomain}`;
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${video}`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    `frame-src ${video}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${embedOrigins.length ? embedOrigins.join(' ') : "'none'"}`,
  ].join('; ');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const stockholmTime = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: MUNICIPAL_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(at);

/** The admin's one date-and-time form, "28 jan. 2027 18:00", Swedish time. */
export const meetingTime = (at: Date, lang: 'sv' | 'en') =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: MUNICIPAL_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);

/** The accessibility statement is the admin's public page; every state of the member's page links to it. */
const STATEMENT_LINK = `<footer><p><a href="/admin/#/tillganglighet">Tillgänglighetsredogörelse <span class="en" lang="en">Accessibility statement</span></a></p></footer>`;

const INVALID_STYLE = `body { margin: 0; font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; }
  main, footer { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem; font-size: 1.15rem; }
  a { color: #0b4f8a; }
  .en { color: #4a4a4a; display: block; }`;

/**
 * The page for every token that opens nothing: one constant, so unknown, revoked and expired
 * tokens cannot be told apart even by the bytes (no nonce, no time, no script).
 */
export const INVALID_PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Länken gäller inte – Mötesplats</title>
<style>${INVALID_STYLE}</style>
</head>
<body>
<main>
  <h1>Länken gäller inte <span class="en" lang="en">This link is not valid</span></h1>
  <p>Be nämndsekreteraren om en ny länk om du behöver en.
    <span class="en" lang="en">Ask the committee secretary for a new link if you need one.</span></p>
</main>
${STATEMENT_LINK}
</body>
</html>
`;

export const INVALID_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(INVALID_STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The member's page: server-rendered, Swedish with English beside it, a few kilobytes of inline
 * script that counts down, asks the status endpoint again when the state should change, and
 * embeds the video room with the platform's IFrame API while open — without reloading.
 */
export function renderMemberPage(status: JoinStatus, nonce: string): string {
  const title = esc(status.kind === 'practice' ? `Övningssammanträde: ${status.meetingTitle}` : (status.roomName ?? status.meetingTitle ?? 'Mötesplats'));
  // JSON inside <script type="application/json">: only "<" needs escaping to stay inert.
  const data = JSON.stringify(status).replace(/</g, '\\u003c');
  const starts = status.startsAt ? new Date(status.startsAt) : null;
  const what = status.kind === 'practice' ? ['Övningssammanträdet', 'The practice session'] : ['Sammanträdet', 'The meeting'];
  const when = starts
    ? `<p class="when" id="when">${status.municipalityName ? `Kommun: ${esc(status.municipalityName)} · ` : ''}${what[0]} börjar ${esc(meetingTime(starts, 'sv'))}<span class="en" lang="en">${status.municipalityName ? `Municipality: ${esc(status.municipalityName)} · ` : ''}${what[1]} starts ${esc(meetingTime(starts, 'en'))}</span></p>`
    : '';
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} – Mötesplats</title>
<style nonce="${nonce}">
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; }
  body { margin: 0; }
  header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
  .when { margin: 0.5rem 0 0; }
  #failed { border-left: 4px solid #b35900; padding: 0.5rem 1rem; background: #fff4e5; }
  header { border-bottom: 1px solid #d0d0d0; }
  h1 { font-size: 1.6rem; margin: 0.25rem 0; }
  .en { color: #4a4a4a; display: block; font-size: 0.95em; }
  .who { font-size: 1.1rem; margin: 0.25rem 0 0; }
  #message { font-size: 1.25rem; margin: 1rem 0; }
  #countdown { font-variant-numeric: tabular-nums; font-size: 2rem; font-weight: 700; margin: 0.5rem 0 1rem; }
  #video { width: 100%; height: 75vh; min-height: 420px; border: 0; }
  #video:empty { display: none; }
  a, button { font-size: 1.05rem; }
  button { padding: 0.6rem 1.1rem; border: 2px solid #0b4f8a; background: #0b4f8a; color: #fff; border-radius: 6px; cursor: pointer; }
  a { color: #0b4f8a; }
  :focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<header>
  <h1 id="title">${title}</h1>
  <p class="who" id="who"></p>
  ${when}
</header>
<main>
  <div role="status" aria-live="polite" aria-atomic="true">
    <p id="message"></p>
    <p id="countdown" aria-hidden="true"></p>
  </div>
  <div id="video"></div>
  <div id="failed" role="alert" hidden><p>Videorummet kunde inte laddas här. Öppna rummet med länken nedan i stället. <span class="en" lang="en">The video room could not be loaded here. Open the room with the link below instead.</span></p></div>
  <p id="fallback" hidden><a id="direct" target="_blank" rel="noopener noreferrer">Öppna rummet i ett eget fönster <span class="en" lang="en">Open the room in its own window</span></a></p>
  <div id="blocked" hidden><ul id="reasons"></ul><p id="contact"></p></div>
  <p id="again-row" hidden><button id="again" type="button">Kontrollera igen <span lang="en">· Check again</span></button></p>
</main>
${STATEMENT_LINK}
<script type="application/json" id="status" nonce="${nonce}">${data}</script>
<script nonce="${nonce}">
(function () {
  var T = {
    invalid: ['Länken gäller inte. Be nämndsekreteraren om en ny länk om du behöver en.', 'This link is not valid. Ask the committee secretary for a new one if you need it.'],
    not_yet_open: ['Rummet har inte öppnat än. Det öppnar ', 'The room has not opened yet. It opens '],
    open: ['Rummet är öppet.', 'The room is open.'],
    closed: ['Rummet är stängt just nu.', 'The room is closed for now.'],
    reopens: [' Det öppnar igen ', ' It opens again '],
    recess: [' Det öppnar igen vid nästa ajournering.', ' It opens again at the next recess.'],
    entering: ['Rummet är öppet. Du släpps in …', 'The room is open. Letting you in …'],
    blocked: ['Du kan inte delta på distans i det här sammanträdet just nu, enligt kommunens regler för deltagande på distans:', 'You cannot take part remotely in this meeting right now, under the municipality’s rules for remote participation:'],
    contact: ['Kontakta ', 'Contact '],
    contactDefault: ['Kontakta nämndsekreteraren om du har frågor.', 'Contact the committee secretary if you have questions.']
  };
  // A practice session (övningssammanträde) is named as such, and coming in is what counts as attending.
  var P = {
    not_yet_open: ['Övningssammanträdet har inte börjat än. Rummet öppnar ', 'The practice session has not started yet. The room opens '],
    open: ['Övningssammanträdet är öppet. Din närvaro är registrerad.', 'The practice session is open. Your attendance has been recorded.'],
    closed: ['Övningssammanträdet är avslutat.', 'The practice session has ended.']
  };
  var $ = function (id) { return document.getElementById(id); };
  var s = JSON.parse($('status').textContent);
  var skew = Date.parse(s.serverNow) - Date.now();
  var now = function () { return Date.now() + skew; };
  var timer = null, tick = null, api = null, shown = null;
  var fmt = function (iso, lang) {
    return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  };
  var say = function (sv, en) {
    var m = $('message');
    m.textContent = sv;
    var e = document.createElement('span'); e.className = 'en'; e.lang = 'en'; e.textContent = en;
    m.appendChild(e);
  };
  var countdown = function (iso) {
    clearInterval(tick);
    var draw = function () {
      var left = Math.max(0, Math.round((Date.parse(iso) - now()) / 1000));
      // Days for long waits (links arrive with the notice, weeks ahead), seconds only near the opening.
      var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600), m = Math.floor(left % 3600 / 60), sec = left % 60;
      $('countdown').textContent = d ? d + ' d ' + h + ' h'
        : (h ? h + ' h ' : '') + m + ' min ' + (sec < 10 ? '0' : '') + sec + ' s';
    };
    draw(); tick = setInterval(draw, 1000);
  };
  var check = function () {
    fetch(location.pathname.replace(/\\/+$/, '') + '/status', { cache: 'no-store', credentials: 'omit' })
      .then(function (r) { return r.status === 429 ? null : r.json(); })
      .then(function (next) { if (next) { skew = Date.parse(next.serverNow) - Date.now(); render(next); } else { later(30000); } })
      .catch(function () { later(15000); });
  };
  // Entering is a POST from this page only: opening the link (GET) never counts as coming in.
  // Once per opening: a window that closes and opens again is entered again.
  var entering = false, entered = false;
  var enter = function () {
    if (entering) return;
    entering = true;
    fetch(location.pathname.replace(/\\/+$/, '') + '/enter', { method: 'POST', cache: 'no-store', credentials: 'omit' })
      .then(function (r) { return r.status === 200 || r.status === 404 ? r.json() : null; })
      .then(function (next) { entering = false; if (next) { entered = true; skew = Date.parse(next.serverNow) - Date.now(); render(next); } else { later(15000); } })
      .catch(function () { entering = false; later(15000); });
  };
  var showBlocked = function (b) {
    var list = $('reasons'); list.textContent = '';
    b.reasons.forEach(function (r) {
      var li = document.createElement('li'); li.textContent = r.sv;
      var e = document.createElement('span'); e.className = 'en'; e.lang = 'en'; e.textContent = r.en;
      li.appendChild(e); list.appendChild(li);
    });
    var c = $('contact'); c.textContent = b.contact ? T.contact[0] + b.contact + '.' : T.contactDefault[0];
    var ce = document.createElement('span'); ce.className = 'en'; ce.lang = 'en'; ce.textContent = b.contact ? T.contact[1] + b.contact + '.' : T.contactDefault[1];
    c.appendChild(ce);
    $('blocked').hidden = false;
  };
  var later = function (ms) { clearTimeout(timer); timer = setTimeout(check, Math.max(500, Math.min(ms, 2147483000))); };
  var embed = function (e) {
    $('direct').href = e.url; $('fallback').hidden = false;
    // When the platform's script or room cannot load (blocked network, platform down), say so: the direct link still works.
    var failed = function () { $('video').textContent = ''; $('failed').hidden = false; $('direct').focus(); };
    var start = function () {
      try {
        api = new window.JitsiMeetExternalAPI(e.domain, { roomName: e.roomName, jwt: e.jwt, parentNode: $('video'), width: '100%', height: '100%', lang: 'sv', userInfo: { displayName: s.memberName } });
      } catch (err) { failed(); }
    };
    if (window.JitsiMeetExternalAPI) return start();
    var js = document.createElement('script');
    js.src = 'https://' + e.domain + '/external_api.js'; js.onload = start; js.onerror = failed; document.head.appendChild(js);
  };
  var leave = function () { if (api) { api.dispose(); api = null; } $('video').textContent = ''; $('fallback').hidden = true; $('failed').hidden = true; };
  function render(next) {
    var changed = !shown || shown.state !== next.state;
    s = next;
    if (next.kind === 'practice') { T.not_yet_open = P.not_yet_open; T.open = P.open; T.closed = P.closed; }
    $('countdown').textContent = ''; clearInterval(tick);
    $('again-row').hidden = next.state === 'open' || next.state === 'invalid';
    if (next.memberName) $('who').textContent = next.memberName + (next.roomName ? ' · ' + next.meetingTitle : '');
    $('blocked').hidden = true;
    if (next.state !== 'open' || next.blocked) entered = false;
    if (next.state === 'invalid') { leave(); say(T.invalid[0], T.invalid[1]); shown = next; return; }
    if (next.blocked) {
      // The rules may change (a decision, a training completed): ask again now and then.
      leave(); say(T.blocked[0], T.blocked[1]); showBlocked(next.blocked); later(60000); shown = next; return;
    }
    if (next.state === 'not_yet_open') {
      leave(); say(T.not_yet_open[0] + fmt(next.opensAt, 'sv') + '.', T.not_yet_open[1] + fmt(next.opensAt, 'en') + '.');
      countdown(next.opensAt); later(Date.parse(next.opensAt) - now() + 250);
    } else if (next.state === 'open') {
      if (next.embed && (changed || !api)) { leave(); say(T.open[0], T.open[1]); embed(next.embed); }
      else if (!api && !entered) { say(T.entering[0], T.entering[1]); enter(); shown = next; return; }
      // Ask again when the window closes, and now and then in case a recess ends early.
      later(Math.min(Date.parse(next.closesAt) - now() + 250, 60000));
    } else {
      leave();
      if (next.opensAt) { say(T.closed[0] + T.reopens[0] + fmt(next.opensAt, 'sv') + '.', T.closed[1] + T.reopens[1] + fmt(next.opensAt, 'en') + '.'); countdown(next.opensAt); later(Date.parse(next.opensAt) - now() + 250); }
      else { say(T.closed[0] + (next.roomName ? T.recess[0] : ''), T.closed[1] + (next.roomName ? T.recess[1] : '')); later(30000); }
    }
    shown = next;
  }
  $('again').addEventListener('click', check);
  render(s);
})();
</script>
</body>
</html>
`;
}
