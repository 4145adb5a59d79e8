// Meetings are noticed in Swedish local time, whatever the browser's own time zone is.
export const MUNICIPAL_TIME_ZONE = 'Europe/Stockholm';

function wallClock(at: Date): { y: number; mo: number; d: number; h: number; mi: number } {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: MUNICIPAL_TIME_ZONE,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
    }).formatToParts(at);
    const get = (t: string) => Number(parts.find(p => p.type === t)?.value);
    return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → the value of an <input type="datetime-local"> in Stockholm time. */
export function toStockholmInput(value: unknown): string {
    if (!value) return '';
    const at = new Date(String(value));
    if (Number.isNaN(at.getTime())) return '';
    const w = wallClock(at);
    return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/** "YYYY-MM-DDTHH:mm" read as Stockholm wall time → ISO instant (daylight saving included). */
export function fromStockholmInput(value: string): string | null {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
    if (!m) return null;
    const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
    const naive = Date.UTC(y, mo - 1, d, h, mi);
    const offsetAt = (t: number) => {
        const w = wallClock(new Date(t));
        return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(t / 60000) * 60000;
    };
    let guess = naive - offsetAt(naive);
    guess = naive - offsetAt(guess);
    return new Date(guess).toISOString();
}

/** Today's date in the municipality (YYYY-MM-DD), whatever the browser's own zone. */
export const stockholmToday = () =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: MUNICIPAL_TIME_ZONE }).format(new Date());
