# The app as a container: nginx serving the production build, /env-config.js written from the container's
# REACT_APP_* environment when it starts (see docs/deploy.md).
#   docker build -t terrakube-token-settings .
#   docker run -p 8080:8080 -e REACT_APP_TERRAKUBE_API_URL=… terrakube-token-settings

# => Build: the same install and build as CI, on the Node version package.json names.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build && rm dist/env-config.js

# => Run: nginx as an unprivileged user (uid 101) on port 8080, as Terrakube's own UI image.
FROM nginxinc/nginx-unprivileged:stable
USER root
RUN rm -rf /usr/share/nginx/html/*
COPY --from=build /app/dist /usr/share/nginx/html
COPY deploy/docker-entrypoint.sh /opt/token-settings/docker-entrypoint.sh
COPY deploy/lib /opt/token-settings/lib
COPY deploy/nginx /opt/token-settings/nginx
RUN chmod 0755 /opt/token-settings/docker-entrypoint.sh
USER 101
EXPOSE 8080
# Replaces the base image's entrypoint and its command: this one checks the settings, then runs nginx itself.
ENTRYPOINT ["/opt/token-settings/docker-entrypoint.sh"]
CMD []
