/**
 * Time in the municipalities' zone, Europe/Stockholm: the one module the API, the rules and the
 * admin share.
 *
 * Meetings are noticed in Swedish wall-clock time ("kl. 18.00"), and which rule version is in
 * force, or whether a training completion is still valid, is decided by the Stockholm calendar
 * date a meeting is held on. A fixed +01:00 offset would put a meeting at 00:30 on a summer-time
 * night on the wrong day, so dates and offsets come from the IANA zone through Intl — whatever
 * the server's or the browser's own zone is.
 */

export const MUNICIPAL_TIME_ZONE = 'Europe/Stockholm';

/** An instant: a `Date`, or an ISO 8601 string that names its offset (`Z` or `+01:00`). */
export type Instant = string | Date;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

// Built once: constructing Intl formatters is far slower than using them (scheduling converts
// thousands of local times per request).
const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: MUNICIPAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const wallClockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: MUNICIPAL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A string without an offset would be read in the server's local zone; refuse it instead.
const ISO_INSTANT_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or null when the value is not an instant with a zone. */
export function parseInstant(value: unknown): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value !== 'string' || !ISO_INSTANT_WITH_ZONE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function dateOf(ms: number): IsoDate {
  let year = '';
  let month = '';
  let day = '';
  for (const part of dateFormat.formatToParts(ms)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** The Stockholm calendar date of an instant, or null when it cannot be read. */
export function stockholmDate(instant: unknown): IsoDate | null {
  const ms = parseInstant(instant);
  return ms === null ? null : dateOf(ms);
}

/** The Stockholm calendar date of a `Date` (YYYY-MM-DD). */
export function localDate(at: Date): IsoDate {
  return dateOf(at.getTime());
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a clock on the wall in Stockholm shows at `ms`. */
function wallClock(ms: number): WallClock {
  const parts = wallClockFormat.formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes Stockholm is ahead of UTC at `ms`. */
function offsetMinutes(ms: number): number {
  const w = wallClock(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * The instant when the wall clock in Stockholm shows the given local time (month 1–12). Twice
 * round, so the offset is the one in force at the result, not at the naive guess.
 */
export function localTime(year: number, month: number, day: number, hour: number, minute = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let guess = naive - offsetMinutes(naive) * 60000;
  guess = naive - offsetMinutes(guess) * 60000;
  return new Date(guess);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant → the value of an `<input type="datetime-local">` in Stockholm time ('' when unreadable). */
export function toStockholmInput(value: unknown): string {
  if (!value) return '';
  const ms = new Date(String(value)).getTime();
  if (Number.isNaN(ms)) return '';
  const w = wallClock(ms);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "YYYY-MM-DDTHH:mm" read as Stockholm wall time → ISO instant (daylight saving included). */
export function fromStockholmInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return localTime(y, mo, d, h, mi).toISOString();
}

/** Today's date in Stockholm, for the instant given (the caller's clock). */
export function stockholmToday(now: Date): IsoDate {
  return localDate(now);
}

/** True for a real calendar date written `YYYY-MM-DD` (so 2021-02-30 is refused). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** The calendar date `days` after (or before, when negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Converts an instant to a canonical UTC ISO string (for plain-data output). */
export function toIsoString(ms: number): string {
  return new Date(ms).toISOString();
}
