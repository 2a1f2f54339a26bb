#!/bin/sh
# The container's start: checks the REACT_APP_* settings as the app checks them, writes /env-config.js and
# nginx's settings, and runs nginx in the foreground. A missing or malformed setting stops it with exit code 1
# and one `Configuration error:` line per variable.
#
#   docker-entrypoint.sh              check, write into /tmp/token-settings, run nginx
#   docker-entrypoint.sh render DIR   check and write into DIR only (nginx -p DIR -c DIR/nginx.conf runs it)
set -eu
set -f
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/url.sh"
. "$here/lib/runtime-config.sh"
. "$here/lib/env-config.sh"
. "$here/lib/nginx-settings.sh"

case $# in
  0) mode=run dir=/tmp/token-settings ;;
  2) [ "$1" = render ] || { echo "usage: $0 [render DIR]" >&2; exit 2; }; mode=render dir=$2 ;;
  *) echo "usage: $0 [render DIR]" >&2; exit 2 ;;
esac

HOST=${HOST:-0.0.0.0}
PORT=${PORT:-8080}
HTML_DIR=${HTML_DIR:-/usr/share/nginx/html}
TFE_PROXY_URL=${TFE_PROXY_URL:-}
TFE_PROXY_CA_FILE=${TFE_PROXY_CA_FILE:-/etc/ssl/certs/ca-certificates.crt}

# TFE_PROXY_URL: where a same-origin REACT_APP_TFE_API_URL path goes. Sets tfe_proxy_*.
check_tfe_proxy() {
  if [ -z "$TFE_PROXY_URL" ]; then
    problem TFE_PROXY_URL "is missing: REACT_APP_TFE_API_URL is a path on this origin, so the container proxies it to HCP Terraform or Terraform Enterprise at this address, for example https://app.terraform.io."
    return
  fi
  case $TFE_PROXY_URL in *[@?#]*) url_path=none ;; *) parse_http_url "$TFE_PROXY_URL" || url_path=none ;; esac
  if [ "$url_path" != / ]; then
    problem TFE_PROXY_URL 'must be the http(s) address of HCP Terraform or Terraform Enterprise without a path, for example https://app.terraform.io.'
    return
  fi
  tfe_proxy_origin=$url_origin tfe_proxy_scheme=$url_scheme tfe_proxy_host=${url_origin#*://} tfe_proxy_name=$url_host
  [ "$url_scheme" = https ] || return 0
  case $TFE_PROXY_CA_FILE in
    *[!A-Za-z0-9._/-]*) problem TFE_PROXY_CA_FILE 'must be a file path of letters, digits, ".", "_", "-" and "/".' ;;
    *) [ -r "$TFE_PROXY_CA_FILE" ] || problem TFE_PROXY_CA_FILE "must be a readable file of trusted CA certificates: $TFE_PROXY_CA_FILE is not." ;;
  esac
}

# Settings from the environment; without any REACT_APP_* variable, from an env-config.js mounted beside the
# app, as Terrakube's Helm chart mounts one.
mounted=$HTML_DIR/env-config.js
if [ -n "$(react_app_names)" ]; then
  source="the environment"
  [ -f "$mounted" ] && echo "The REACT_APP_* environment is used; $mounted is not read." >&2
elif [ -f "$mounted" ]; then
  source=$mounted
  export_env_config_file "$mounted"
else
  source="the environment"
fi

check_runtime_config

case $HOST in
  *[!0-9.]* | '')
    case $HOST in *:*) case $HOST in *[!0-9A-Fa-f:.]*) problem HOST 'must be an IP address, for example 0.0.0.0 or ::.' ;; esac ;;
      *) problem HOST 'must be an IP address, for example 0.0.0.0 or ::.' ;; esac ;;
  *) is_dotted_quad "$HOST" || problem HOST 'must be an IP address, for example 0.0.0.0 or ::.' ;;
esac
case $PORT in
  '' | *[!0-9]* | 0 | 0* | ??????*) problem PORT 'must be a port number from 1 to 65535, for example 8080.' ;;
  *) [ "$PORT" -le 65535 ] || problem PORT 'must be a port number from 1 to 65535, for example 8080.' ;;
esac
[ -f "$HTML_DIR/index.html" ] || problem HTML_DIR "must be the built app's folder: $HTML_DIR/index.html is not there."

# HCP Terraform's API behind this origin: REACT_APP_TFE_API_URL a path, TFE_PROXY_URL the host it goes to.
tfe_proxy_origin=''
if [ "$tfe_api" = path ]; then
  # Each segment before api/v2/ plain, so the location and its rewrite need no escaping.
  case ${tfe_api_path%api/v2/} in
    *[!A-Za-z0-9_/-]* | *//*)
      problem REACT_APP_TFE_API_URL 'behind this proxy must be /api/v2/, or a path of letters, digits, "-" and "_" ending in /api/v2/, such as /tfe/api/v2/.' ;;
    *) check_tfe_proxy ;;
  esac
elif [ -n "$TFE_PROXY_URL" ] && { [ "$token_backend" = terrakube ] || [ "$tfe_api" = absolute ]; }; then
  problem TFE_PROXY_URL 'is set, but only a path in REACT_APP_TFE_API_URL (with REACT_APP_TOKEN_BACKEND=tfe), such as /api/v2/, is proxied; unset it, or make the API URL a path.'
fi

if [ -n "$problems" ]; then
  printf '%s' "$problems" | while IFS= read -r line; do echo "Configuration error: $line" >&2; done
  echo "The container did not start: fix the settings above (read from $source)." >&2
  exit 1
fi

mkdir -p "$dir/runtime" "$dir/temp"
write_env_config "$dir/runtime/env-config.js"
cp "$here/nginx/nginx.conf" "$dir/nginx.conf"
write_listen_conf "$dir"
write_app_headers_conf "$dir"
write_tfe_proxy_conf "$dir"
rm -f "$dir/html"
ln -s "$HTML_DIR" "$dir/html"

flavor="the Terrakube flavor"
[ "$token_backend" = tfe ] && flavor="the HCP Terraform flavor${tfe_proxy_origin:+, $tfe_api_path proxied to $tfe_proxy_origin}"
echo "Serving $HTML_DIR as $flavor on $HOST:$PORT, with settings from $source."
[ "$mode" = render ] && exit 0
exec nginx -p "$dir/" -c "$dir/nginx.conf" -e stderr -g 'daemon off;'
