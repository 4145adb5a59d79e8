# syntax=docker/dockerfile:1.7
# One image for the API, the workers and the migrations (see docs/operations.md):
#   API:        node apps/api/dist/main.js      (the default command)
#   workers:    node apps/api/dist/worker.js
#   migrations: node apps/api/dist/migrate.js   (one-shot, before a rollout)
ARG NODE_VERSION=20.19

# --- build: all dependencies, compile the API (with libs/rules) and the admin SPA -----------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY libs/rules/package.json libs/rules/
COPY test/package.json test/
# Install scripts stay off: nothing the build needs compiles natively.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json tsconfig.json ./
COPY libs/rules libs/rules
COPY apps/api apps/api
COPY apps/admin apps/admin
RUN npx tsc -b apps/api && npm run build -w @motesplats/admin

# --- runtime: production dependencies of the API only, compiled output, no sources ----------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/tmp/motesplats
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY libs/rules/package.json libs/rules/
COPY test/package.json test/
# --omit=optional drops the embedded PostgreSQL binaries: a deployment always has DATABASE_URL.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts \
      --workspace @motesplats/api --workspace @motesplats/rules \
    && npm cache clean --force \
    && groupadd --system --gid 10001 motesplats \
    && useradd --system --uid 10001 --gid motesplats --no-create-home --shell /usr/sbin/nologin motesplats
COPY --from=build /src/libs/rules/dist libs/rules/dist
COPY --from=build /src/apps/api/dist apps/api/dist
COPY --from=build /src/apps/admin/dist apps/admin/dist

# Numeric, so Kubernetes' runAsNonRoot can verify it; files stay root-owned and read-only.
USER 10001:10001
EXPOSE 3000 3100
# Liveness. Readiness (Postgres and Redis answer) is GET /health: compose and Kubernetes probe it.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.WORKER_PORT || process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
