import { lazyPage } from '../lazyPage';

/** The start page per role, loaded after sign-in so the first screen stays small. */
export const StartPage = lazyPage(
    () => import('./StartPage'),
    m => m.StartPage,
);
