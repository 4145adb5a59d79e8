import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// In production the API serves the built files under /admin/ and answers /graphql and
// /auth on the same origin; in `vite`/`vite preview` we proxy those paths to it instead.
const apiTarget = process.env.MOTESPLATS_API_URL ?? 'http://localhost:3000';
const proxy = {
    '/graphql': { target: apiTarget, changeOrigin: true },
    '/auth': { target: apiTarget, changeOrigin: true },
};

export default defineConfig({
    base: '/admin/',
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [react()],
    build: {
        outDir: fileURLToPath(new URL('./dist', import.meta.url)),
        emptyOutDir: true,
        sourcemap: true,
        chunkSizeWarningLimit: 2500,
    },
    server: { port: 5173, proxy },
    preview: { port: 4173, proxy },
});
