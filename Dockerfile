# One image for every Lattice service; the compose file picks the entry point per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY packages/ packages/
COPY apps/ apps/
COPY subgraphs/ subgraphs/
COPY gateway/ gateway/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
COPY schema/ schema/
COPY tsconfig.json tsconfig.package.json tsconfig.package.build.json turbo.json codegen.ts ./
COPY scripts/ scripts/
RUN npm install --no-audit --no-fund && npx turbo run build --output-logs=errors-only && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
# Where services keep files (media's uploads); a named volume mounted here inherits the owner.
RUN mkdir -p /data/media && chown -R node:node /data
USER node
EXPOSE 4000
CMD ["node", "gateway/dist/src/main.js"]
