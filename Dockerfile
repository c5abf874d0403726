# Slipway as a container image (used by docker-compose.yml and deploy/slipway.yaml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN bash scripts/prisma-generate.sh && NEXT_TELEMETRY_DISABLED=1 npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app /app
USER node
EXPOSE 3000
# Migrations run before the server starts; they take an advisory lock, so several
# replicas starting at once apply them once.
CMD ["sh", "-c", "npx --no-install tsx scripts/migrate.ts && exec npx --no-install next start -p $PORT"]
