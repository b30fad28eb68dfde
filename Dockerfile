# syntax=docker/dockerfile:1
# Jiebang: one image for the API (default CMD) and the worker (`node --import tsx jobs/main.ts`).
# The app runs its TypeScript through tsx (a runtime dependency); only the web app is built.
# See docker-compose.yml for the whole stack.

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: all dependencies, then the web app (web/dist) -------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:web

# --- production dependencies only --------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# --- runtime -----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST_DIR=web/dist \
    STORAGE_DIR=/data/files
WORKDIR /app

# Code and dependencies stay root-owned (read-only for the app); only /data is the app's.
COPY --from=prod-deps /app/node_modules ./node_modules
# package.json carries "type": "module" (tsx runs the .ts files as ESM); tsconfig.json keeps
# tsx's transform the same as in development.
COPY package.json package-lock.json tsconfig.json ./
COPY server ./server
COPY jobs ./jobs
COPY db ./db
COPY shared ./shared
COPY --from=build /app/web/dist ./web/dist

# A named volume mounted here starts with this ownership.
RUN mkdir -p /data/files && chown -R node:node /data

USER node
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Exec form: node is PID 1 and gets SIGTERM itself (server/shutdown.ts closes cleanly).
CMD ["node", "--import", "tsx", "server/main.ts"]
