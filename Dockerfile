# The GraphQL API only. It does NOT embed Neo4j: point NEO4J_URI (plus NEO4J_USERNAME /
# NEO4J_PASSWORD) at a Neo4j 5 server, e.g. the `neo4j` service of docker-compose.yml.
#   docker build -t kg-api .
#   docker run -e NEO4J_URI=bolt://host:7687 -e NEO4J_USERNAME=neo4j -e NEO4J_PASSWORD=... -p 4000:4000 kg-api

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the package's own `prepare` script builds, which needs the sources copied below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm rebuild --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && { test -f dist/src/main.js || { echo 'npm run build did not produce dist/src/main.js' >&2; exit 1; }; }

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
# Everything the build stage kept (dist/, production node_modules, and any runtime files such as
# cypher/ or seed/), owned by root and read-only for the unprivileged `node` user.
COPY --from=build /app /app
USER node
EXPOSE 4000
# Refuse to start without a database: this image has no embedded Neo4j to fall back to.
CMD ["/bin/sh", "-c", "if [ -z \"${NEO4J_URI:-}\" ]; then echo 'NEO4J_URI is required (e.g. bolt://neo4j:7687): this image does not include Neo4j.' >&2; exit 64; fi; exec node --max-semi-space-size=64 dist/src/main.js"]
