# The parts of nginx's configuration that depend on the container's settings (POSIX sh, sourced by the
# entrypoint). nginx.conf includes them from its own folder; every value in them was checked first.

# The embedded server's policy for the app (server/http/securityHeaders.ts): connect-src names the API and
# identity provider the app is configured with, which may be other origins than the page's.
app_policy() {
  printf '%s' "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'${connect_origins:+ $connect_origins}; img-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}

# add_header lines for every answer: no framing, no MIME sniffing, no Referer, and HSTS when people reach the
# app over https (as REACT_APP_REDIRECT_URI says).
every_answer_headers() {
  echo 'add_header X-Frame-Options "DENY" always;'
  echo 'add_header X-Content-Type-Options "nosniff" always;'
  echo 'add_header Referrer-Policy "no-referrer" always;'
  [ "$redirect_scheme" = https ] && echo 'add_header Strict-Transport-Security "max-age=31536000" always;'
  return 0
}

write_listen_conf() {
  case $HOST in *:*) echo "listen [$HOST]:$PORT;" ;; *) echo "listen $HOST:$PORT;" ;; esac > "$1/listen.conf"
}

write_app_headers_conf() {
  {
    every_answer_headers
    echo "add_header Content-Security-Policy \"$(app_policy)\" always;"
  } > "$1/app-headers.conf"
}

# /api/v2/ on this origin, proxied to HCP Terraform or Terraform Enterprise (TFE_PROXY_URL): same origin, so the
# browser needs no CORS. Cookies go neither way and Origin is not passed on: the API takes bearer tokens only.
# The answers get the embedded server's API headers in place of the upstream's own.
write_tfe_proxy_conf() {
  : > "$1/tfe-proxy.conf"
  [ -n "$tfe_proxy_origin" ] || return 0
  {
    echo "location $tfe_api_path {"
    [ "$tfe_api_path" = /api/v2/ ] || echo "  rewrite ^${tfe_api_path%api/v2/}(api/v2/.*)\$ /\$1 break;"
    echo "  proxy_pass $tfe_proxy_origin;"
    echo "  proxy_set_header Host $tfe_proxy_host;"
    echo '  proxy_set_header Cookie "";'
    echo '  proxy_set_header Origin "";'
    echo '  proxy_hide_header Set-Cookie;'
    for header in X-Frame-Options X-Content-Type-Options Referrer-Policy Content-Security-Policy Strict-Transport-Security Cache-Control; do
      echo "  proxy_hide_header $header;"
    done
    if [ "$tfe_proxy_scheme" = https ]; then
      echo '  proxy_ssl_server_name on;'
      echo "  proxy_ssl_name $tfe_proxy_name;"
      echo '  proxy_ssl_verify on;'
      echo '  proxy_ssl_verify_depth 4;'
      echo "  proxy_ssl_trusted_certificate $TFE_PROXY_CA_FILE;"
    fi
    every_answer_headers | sed 's/^/  /'
    echo "  add_header Content-Security-Policy \"default-src 'none'; frame-ancestors 'none'\" always;"
    echo '  add_header Cache-Control "no-store" always;'
    echo '}'
  } > "$1/tfe-proxy.conf"
}
