# OCMW Portal: a multi-stage image. The build stage runs scripts/build-release.sh, the same
# script CI runs outside a container (npm ci, npm run build, npm prune --omit=dev); the run
# stage holds only what the built server and CLI need, runs as the unprivileged `node` user,
# and keeps its state in the /data volume (PGlite's folder, generated keys) — with
# DATABASE_URL set, the database is the PostgreSQL server and /data holds only the keys.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN scripts/build-release.sh

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=3000 \
    OCMW_VENDOR_PORT=3443 \
    OCMW_DATA_DIR=/data/db
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/dist/web ./dist/web
COPY --from=build /app/bin ./bin
COPY --from=build /app/scripts/build-state.mjs ./scripts/build-state.mjs
COPY --from=build /app/data/*.csv ./data/
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000 3443
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `docker compose exec portal node bin/ocmw.js admin create NAME --email ADDRESS` for the first administrator.
CMD ["node", "build/main.js"]
