# Slipway's container image (deploy/*.yaml, docker-compose.yml):
#   docker build -t registry.example.com/slipway:0.1.0 .
#
# The build stage has every dependency (Next.js builds with TypeScript, Tailwind and
# the Prisma generator, all dev dependencies) and produces three things:
#   .next/standalone   Next.js's standalone output (next.config.mjs): server.js and only
#                      the node_modules files the server's code was traced to use
#                      (about 100 MB, against 850 MB for the full node_modules)
#   .next/static       the browser assets, which standalone output leaves to us
#   dist/migrate.cjs   the migration runner, scripts/migrate.ts bundled with pg and zod
#                      (scripts/bundle-migrate.ts), so the image needs no tsx
# The runtime stage copies only those and prisma/migrations. It runs the server and
# nothing else: migrations are a separate step (`node migrate.cjs`: the Job in
# deploy/migrate.yaml, the `migrate` service in docker-compose.yml).
#
# The same Node.js image in both stages, so native files traced into standalone (sharp's
# libvips, for image optimization) match the runtime's platform and libc.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# SLIPWAY_STANDALONE=1 turns on `output: "standalone"` (next.config.mjs) for this build
# only; npm test and npm run demo keep the plain build that `next start` serves.
RUN bash scripts/prisma-generate.sh \
  && SLIPWAY_STANDALONE=1 npx --no-install next build \
  && npx --no-install tsx scripts/bundle-migrate.ts dist/migrate.cjs

FROM ${NODE_IMAGE}
# Nothing at run time uses npm, npx, corepack or yarn: fewer files, fewer CVE reports.
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
  /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-*
WORKDIR /app
# server.js listens on HOSTNAME. A container runtime may replace it with the pod's
# name (the server would then listen on that name's address only), so
# deploy/slipway.yaml sets it again.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# Owned by root and not writable by the server's user: the app cannot change its own code.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/dist/migrate.cjs ./migrate.cjs
# The one place the server writes (Next.js's cache, e.g. optimized images). In
# Kubernetes the root filesystem is read-only and an emptyDir is mounted here; this
# keeps `docker run` working without one.
RUN mkdir .next/cache && chown 1000:1000 .next/cache
# The base image's `node` user, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000
CMD ["node", "server.js"]
