# The platform in one image: the API serving the built web client on port 3000.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/web-e2e/package.json apps/web-e2e/
COPY libs/domain/package.json libs/domain/
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false npx nx run-many -t build -p domain api web && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# Previews of office documents (LibreOffice renders them to PDF; the Noto CJK fonts draw Chinese and
# Japanese) and posters of videos (ffmpeg). Optional: without them those files get an icon.
RUN apt-get update \
  && apt-get install -y --no-install-recommends \
    libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui fonts-noto-cjk ffmpeg \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs/domain/package.json libs/domain/
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# The data folder (uploads, and files with the default storage) belongs to the user the app runs as,
# so that a volume mounted there (docker-compose.yml) is writable.
RUN mkdir -p /tmp/iuc && chown node:node /tmp/iuc
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Same flags as `npm start` (see bench/lib/server-node-flags.mjs for why).
CMD ["node", "--max-semi-space-size=8", "apps/api/dist/main.js"]
