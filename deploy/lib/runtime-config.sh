# The app's runtime configuration checks (src/config/runtimeConfig.ts), in POSIX sh, sourced by the
# entrypoint: the same variables, required and optional in the same cases, refused for the same reasons, so
# a container refuses to start where the app would show its configuration error page.

problems=''

# Records one problem, as the app words it: the variable, then what is wrong.
problem() {
  problems="$problems$1 $2
"
}

# Sets `value` to the variable's text without surrounding white space, as the app reads it ('' when unset).
read_var() {
  eval "value=\${$1-}"
  value=${value#"${value%%[![:space:]]*}"}
  value=${value%"${value##*[![:space:]]}"}
}

# Each check_* takes the trimmed value; on refusal it sets `rejection` to the app's message and fails.
check_http_url() {
  parse_http_url "$1" || { rejection="must be an absolute http(s) URL, for example $2."; return 1; }
}

check_any_text() { :; }

check_openid_scope() {
  for scope in $1; do
    [ "$scope" = openid ] && return 0
  done
  rejection='must include "openid", for example "email openid profile offline_access groups".'
  return 1
}

check_organization_name() {
  case $1 in *[!A-Za-z0-9_-]*)
    rejection='must be an organization name: letters, digits, "-" and "_" only, for example "my-org".'
    return 1 ;;
  esac
}

# check_one_of VALUE CHOICE...
check_one_of() {
  candidate=$1
  shift
  choices=''
  for choice in "$@"; do
    [ "$candidate" = "$choice" ] && return 0
    choices="$choices${choices:+ or }\"$choice\""
  done
  rejection="must be $choices."
  return 1
}

TFE_API_URL_FORMAT='must be an absolute http(s) URL or a path starting with "/", for example https://app.terraform.io/api/v2/, or /api/v2/ behind a same-origin proxy.'

# HCP Terraform's API base: absolute, or a path on the page's origin (a same-origin proxy), ending in /api/v2/.
# Sets tfe_api_origin (empty for a path) and tfe_api_path (with the trailing "/").
check_tfe_api_url() {
  case $1 in
    //* | *\\*) rejection=$TFE_API_URL_FORMAT; return 1 ;;
    /*)
      case $1 in *[[:cntrl:]]*) rejection=$TFE_API_URL_FORMAT; return 1 ;; esac
      tfe_api_origin='' tfe_api_path=${1%%[?#]*} ;;
    *)
      parse_http_url "$1" || { rejection=$TFE_API_URL_FORMAT; return 1; }
      tfe_api_origin=$url_origin tfe_api_path=$url_path ;;
  esac
  case $tfe_api_path in */) ;; *) tfe_api_path=$tfe_api_path/ ;; esac
  case $tfe_api_path in */api/v2/) ;; *)
    rejection="must end in /api/v2/, the API's base path, for example ${tfe_api_origin:-https://app.terraform.io}/api/v2/."
    return 1 ;;
  esac
}

# required NAME CHECK [ARG]: a problem when unset, blank or refused. Leaves the value in `value`.
required() {
  read_var "$1"
  if [ -z "$value" ]; then
    problem "$1" 'is missing or empty.'
    return 1
  fi
  "$2" "$value" ${3+"$3"} || { problem "$1" "$rejection"; return 1; }
}

# optional NAME CHECK [ARG...]: fine when unset or blank; a problem when refused.
optional() {
  name=$1 check=$2
  shift 2
  read_var "$name"
  [ -z "$value" ] && return 0
  "$check" "$value" "$@" || { problem "$name" "$rejection"; return 1; }
}

# The origins the app calls (its API and identity provider) and returns to, for connect-src.
connect_origins=''
add_origin() {
  case " $connect_origins " in *" $1 "*) ;; *) connect_origins="$connect_origins${connect_origins:+ }$1" ;; esac
}

read_oidc() {
  if required REACT_APP_AUTHORITY check_http_url https://terrakube-dex.example.com/dex; then add_origin "$url_origin"; fi
  required REACT_APP_CLIENT_ID check_any_text || :
  if required REACT_APP_REDIRECT_URI check_http_url https://terrakube-ui.example.com/; then
    add_origin "$url_origin"
    redirect_scheme=$url_scheme
  fi
  required REACT_APP_SCOPE check_openid_scope || :
}

# Checks the REACT_APP_* environment as the app checks window._env_; sets token_backend, tfe_api (`path`,
# `absolute`, or empty when not usable), tfe_api_origin, tfe_api_path, connect_origins and redirect_scheme, and
# `problems` (empty when the app would start).
check_runtime_config() {
  token_backend=terrakube redirect_scheme='' tfe_api='' tfe_api_origin='' tfe_api_path=''
  # An unknown backend: which other variables it needs is unknown too, so it is the one problem.
  optional REACT_APP_TOKEN_BACKEND check_one_of terrakube tfe || { token_backend=unknown; return 0; }
  [ -n "$value" ] && token_backend=$value
  if [ "$token_backend" = terrakube ]; then
    if required REACT_APP_TERRAKUBE_API_URL check_http_url https://terrakube-api.example.com/api/v1/; then
      add_origin "$url_origin"
    fi
    read_oidc
    return 0
  fi
  if required REACT_APP_TFE_API_URL check_tfe_api_url; then
    tfe_api=absolute
    if [ -n "$tfe_api_origin" ]; then add_origin "$tfe_api_origin"; else tfe_api=path; fi
  fi
  optional REACT_APP_TFE_ORGANIZATION check_organization_name || :
  optional REACT_APP_TFE_TEAM_TOKENS check_one_of multiple single || :
  # An identity provider is optional here: without one, people sign in with a user API token.
  read_var REACT_APP_AUTHORITY
  [ -n "$value" ] && read_oidc
  return 0
}
