export const MUNICIPAL_TIME_ZONE = 'Europe/Stockholm';

// Building an Intl.DateTimeFormat costs far more than using one (scheduling converts thousands
// of local times per request), so one formatter per zone and purpose is kept.
const partsFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, zone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(zone);
  if (!format) cache.set(zone, (format = make()));
  return format;
}

/** Minutes that `zone` is ahead of UTC at the instant `at`. */
function offsetMinutes(at: Date, zone: string): number {
  const parts = cached(
    partsFormats,
    zone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  ).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant when the wall clock in Stockholm shows the given local time. Meetings are
 * noticed in local time ("kl. 18.00"), and the offset changes with daylight saving.
 */
export function localTime(year: number, month: number, day: number, hour: number, minute = 0, zone = MUNICIPAL_TIME_ZONE): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let guess = naive - offsetMinutes(new Date(naive), zone) * 60000;
  guess = naive - offsetMinutes(new Date(guess), zone) * 60000;
  return new Date(guess);
}

/** The Stockholm calendar date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date, zone = MUNICIPAL_TIME_ZONE): string {
  return cached(dateFormats, zone, () => new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(at);
}
