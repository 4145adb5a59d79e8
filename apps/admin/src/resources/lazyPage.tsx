import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';

/**
 * A resource view loaded when it is first shown, so the first screen carries only what it
 * needs. Resource folders hand these to <Resource> from their index: the views' own modules
 * stay importable directly (tests, other screens).
 */
export const lazyPage = <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) => {
    const Page = lazy(() => load().then(module => ({ default: pick(module) })));
    const LazyPage = () => (
        <Suspense fallback={<Loading />}>
            <Page />
        </Suspense>
    );
    return LazyPage;
};
