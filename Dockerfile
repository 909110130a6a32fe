# The gateway for docker-compose / production: compiled once, run on Node 22,
# talking to the PostgreSQL named by DATABASE_URL (no embedded server inside).
FROM node:22-bookworm-slim AS build
WORKDIR /app
# patches/: fixes to dependencies that npm ci applies (postinstall, patch-package).
COPY package.json package-lock.json ./
COPY patches patches
RUN npm ci
COPY tsconfig.json tsconfig.build.json tsconfig.browser.json .gmrc ./
COPY src src
RUN node_modules/.bin/tsc -p tsconfig.build.json \
 && node_modules/.bin/tsc -p tsconfig.browser.json \
 && npm prune --omit=dev --omit=optional

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000 \
    NEXUS_WORKERS=auto
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json .gmrc ./
COPY migrations migrations
COPY policies policies
COPY functions functions
# The SDK's trusted documents, for NEXUS_PERSISTED_ONLY=1.
COPY sdk/generated/persisted-documents.json sdk/generated/
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=32", "dist/src/cli/start.js"]
