import { useCallback, useEffect, useState } from 'react';

/**
 * Loads once per change of `deps`: loading ends on success and on failure alike, so a page
 * never spins forever; the error is shown on the page instead of a toast.
 */
export function useLoad<T>(
    load: () => Promise<T>,
    deps: unknown[],
): { data: T | undefined; loading: boolean; error: string | null; reload: () => void } {
    const [data, setData] = useState<T | undefined>(undefined);
    const [loading, setLoading] = useState(true);
    const [error, setError] = useState<string | null>(null);
    const [tick, setTick] = useState(0);
    const run = useCallback(load, deps);
    useEffect(() => {
        let live = true;
        setLoading(true);
        setError(null);
        run().then(
            d => live && (setData(d), setLoading(false)),
            (e: Error) => live && (setError(e.message), setLoading(false)),
        );
        return () => {
            live = false;
        };
    }, [run, tick]);
    return { data, loading, error, reload: () => setTick(n => n + 1) };
}
