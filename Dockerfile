# syntax=docker/dockerfile:1
# The GCM Work Plan bot as a container (README, "Deploy"). Three stages:
#   deps   the production node_modules (npm ci --omit=dev), better-sqlite3 built with the toolchain it needs
#   build  every dependency, then `npm run build` (tsc) to dist/
#   run    Node 20 slim, non-root, with the two results above and the plan's data; the database on /data

FROM node:20-bookworm AS toolchain
# better-sqlite3 compiles its native module when no prebuilt binary fits: python3, make and g++.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

FROM toolchain AS deps
RUN npm ci --omit=dev --no-audit --no-fund

FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY dev ./dev
# src/domain/thesaurus.ts imports data/thesaurus.json, so the build needs it (and scripts/build.mjs checks its date).
COPY data/thesaurus.json ./data/thesaurus.json
RUN npm run build

FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=1 \
    MALLOC_MMAP_THRESHOLD_=32768 \
    DATABASE_PATH=/data/gcm.sqlite \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# The update's charts draw their text with DejaVu Sans from its file (README, "The update as a Word document").
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
# The CLI scripts (`npm run ask`, `report`, …) call it first; without src/ it has nothing to compile.
COPY --chown=root:root scripts/build.mjs ./scripts/build.mjs
COPY --chown=root:root data ./data
COPY --chown=root:root deploy/healthcheck.mjs ./deploy/healthcheck.mjs
# The code is root's and read-only to the bot; only /data (the database, its backups) is the bot's to write.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
# HTTP mode answers on PORT; in Socket Mode set HEALTH_PORT (compose.yaml does): /health is served there.
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.mjs"]
CMD ["node", "--max-semi-space-size=1", "--no-parallel-scavenge", "dist/main.js"]
