/**
 * What each service runs from the one image (Dockerfile). docker-compose.yml and the ECS task
 * definitions use these exact commands, and test/deploy runs them against the built `dist/`.
 */
export const IMAGE_COMMANDS = {
  api: ['node', 'dist/api/server.js'],
  workers: ['node', 'dist/workers/main.js'],
  migrate: ['node', 'dist/booking/cli/migrate.js'],
} as const;

/** The image's HEALTHCHECK, for ECS (which ignores the Dockerfile's): GET /health on PORT, no I/O behind it. */
export const HEALTHCHECK_SCRIPT =
  "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))";

export const APP_PORT = 3000;
