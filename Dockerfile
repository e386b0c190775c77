# syntax=docker/dockerfile:1
# Multi-stage: compile TypeScript with the dev dependencies, ship only production ones, run as
# a non-root user. The default command is the one-box entry (migrate, then the API and the workers
# in one process); the same image runs the API alone (`node dist/api/server.js`), the workers
# alone (`node dist/workers/main.js`) or the migrations (`node dist/booking/cli/migrate.js`).

FROM node:20-bookworm-slim AS build
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
RUN npm run build && cp -r booking/businesses/demo dist/booking/businesses/demo && cp -r admin-web dist/admin-web

FROM node:20-bookworm-slim AS runtime
# A container is reached through its published port, never through its loopback.
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/api/main.js"]
