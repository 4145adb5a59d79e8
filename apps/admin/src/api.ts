/**
 * Where the API lives. The API serves this SPA under /admin/ on its own origin, so the
 * default is relative; VITE_API_URL only matters when the SPA is hosted elsewhere.
 */
export const apiUrl = (path: string) => `${(import.meta.env.VITE_API_URL ?? '').replace(/\/$/, '')}${path}`;
