import { relative, sep } from 'node:path';
import type { FastifyStaticOptions } from '@fastify/static';

/** Hashed build output: its name changes whenever its content does, so it can be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * How the API serves the admin SPA's build (apps/admin/dist) under /admin/: the brotli or gzip
 * file that the build wrote beside each asset, whichever the browser accepts; hashed files
 * under assets/ cached for a year, index.html revalidated on every load (it names the hashes);
 * and in production no source maps, which would hand out the admin's source.
 */
export function adminStaticOptions(root: string, production: boolean): FastifyStaticOptions {
  return {
    root,
    prefix: '/admin/',
    decorateReply: false,
    preCompressed: true,
    // Set below per file; send's default (max-age=0) would fit neither kind.
    cacheControl: false,
    allowedPath: (pathname) => !(production && isSourceMap(pathname)),
    setHeaders: (reply, path) => {
      reply.header('cache-control', relative(root, path).startsWith(`assets${sep}`) ? IMMUTABLE : 'no-cache');
    },
  };
}

const isSourceMap = (pathname: string) => /\.map(\.(br|gz))?$/.test(pathname);
