import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

// In production the API serves the built files under /admin/ and answers /graphql and
// /auth on the same origin; in `vite`/`vite preview` we proxy those paths to it instead.
const apiTarget = process.env.MOTESPLATS_API_URL ?? 'http://localhost:3000';
const proxy = {
    '/graphql': { target: apiTarget, changeOrigin: true },
    '/auth': { target: apiTarget, changeOrigin: true },
};

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `x.br` and `x.gz` beside every text asset once at build time, at the highest
 * levels (too slow per request), for the API to send by Accept-Encoding. Source maps are
 * left out: production does not serve them.
 */
const precompress = (): Plugin => {
    let outDir = '';
    return {
        name: 'motesplats-precompress',
        apply: 'build',
        configResolved(config) {
            outDir = config.build.outDir;
        },
        async writeBundle(_options, bundle) {
            const files = Object.keys(bundle).filter(f => /\.(js|css|html|svg|json|txt)$/.test(f));
            await Promise.all(
                files.map(async file => {
                    const path = join(outDir, file);
                    const content = await readFile(path);
                    if (content.length < 1024) return;
                    const [br, gzip] = await Promise.all([
                        brotli(content, {
                            params: {
                                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                            },
                        }),
                        gz(content, { level: constants.Z_BEST_COMPRESSION }),
                    ]);
                    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzip)]);
                }),
            );
        },
    };
};

export default defineConfig({
    base: '/admin/',
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [react(), precompress()],
    build: {
        outDir: fileURLToPath(new URL('./dist', import.meta.url)),
        emptyOutDir: true,
        // Emitted for debugging a local build; the API does not serve them in production.
        sourcemap: true,
        rolldownOptions: {
            output: {
                codeSplitting: {
                    // React itself changes least often: its own long-cached chunk. Everything
                    // else is split by rolldown along the lazily loaded resource views.
                    groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
                },
            },
        },
    },
    server: { port: 5173, proxy },
    preview: { port: 4173, proxy },
});
