# syntax=docker/dockerfile:1
# Multi-stage: compile TypeScript with the dev dependencies, ship only production ones, run as
# a non-root user. One image, three commands (infra/image-commands.ts): the one-box app by default
# (`node dist/api/main.js`: migrate, demo data in development, API and workers in one process);
# `node dist/api/server.js` (API), `node dist/workers/main.js` (workers) and
# `node dist/booking/cli/migrate.js` (migrations) for separate services. Node 22, as on Lambda.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY tsconfig.json tsconfig.build.json ./
COPY core core
COPY booking booking
COPY dialogs dialogs
COPY bot bot
COPY api api
COPY workers workers
COPY admin-web admin-web
RUN npm run build && cp -r admin-web dist/admin-web

FROM node:22-bookworm-slim AS runtime
# Listen on the container's network (the app's default is loopback only).
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
# Amazon RDS's certificate authorities: DATABASE_SECRET connects with sslmode=verify-full.
ADD --chmod=644 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /etc/ssl/certs/rds-global-bundle.pem
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/rds-global-bundle.pem
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# Liveness only (GET /health does no I/O): the API and the workers both answer it on PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Stop with SIGTERM and give the app its shutdown bound (SHUTDOWN_TIMEOUT_SECONDS, 20 s) before SIGKILL.
STOPSIGNAL SIGTERM
CMD ["node", "dist/api/main.js"]
