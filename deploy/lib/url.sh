# URL helpers for the entrypoint (POSIX sh, sourced). The app checks its URLs with the browser's URL parser;
# these accept the same http(s) URLs but refuse the rare forms the parser would repair or rewrite (a backslash,
# a control character, a missing "//", a non-ASCII host, a host such as `1.2.3` read as an IPv4 address, a quote
# in the host), since nginx's settings are written from the origin.

lower() { printf '%s' "$1" | tr 'A-Z' 'a-z'; }

# An IPv4 address as the URL parser reads a host that ends in a number: four decimal parts of 0-255 only.
is_dotted_quad() {
  case $1 in *[!0-9.]* | .* | *. | *..*) return 1 ;; esac
  old_ifs=$IFS
  IFS=.
  # shellcheck disable=SC2086
  set -- $1
  IFS=$old_ifs
  [ $# -eq 4 ] || return 1
  for part in "$@"; do
    case $part in 0?* | ????*) return 1 ;; esac
    [ "$part" -le 255 ] || return 1
  done
}

# Sets url_scheme, url_host, url_port (empty for the scheme's default), url_origin and url_path (the path
# without query or fragment, `/` when empty) from an absolute http(s) URL; fails for anything else.
parse_http_url() {
  # Only the origin reaches nginx's settings; the path may hold what the parser percent-encodes (a space, a quote).
  case $1 in
    *[[:cntrl:]]* | *\\*) return 1 ;;
    *://*) ;;
    *) return 1 ;;
  esac
  url_scheme=$(lower "${1%%://*}")
  case $url_scheme in http | https) ;; *) return 1 ;; esac
  url_rest=${1#*://}
  url_authority=${url_rest%%[/?#]*}
  url_after=${url_rest#"$url_authority"}
  url_path=${url_after%%[?#]*}
  [ -n "$url_path" ] || url_path=/
  # The user name and password end at the authority's last "@"; they are not part of the origin.
  case $url_authority in *[![:graph:]]*) return 1 ;; esac
  url_hostport=${url_authority##*@}
  case $url_hostport in
    \[*\]) url_host=$url_hostport url_port= ;;
    \[*\]:*) url_host=${url_hostport%%]*}] url_port=${url_hostport#*]:} ;;
    *:*) url_host=${url_hostport%%:*} url_port=${url_hostport#*:} ;;
    *) url_host=$url_hostport url_port= ;;
  esac
  case $url_host in
    '' | \[\]) return 1 ;;
    \[*) case $url_host in *[!0-9A-Fa-f:.[\]]* | \[*\[* | *\]*\]) return 1 ;; esac ;;
    *[!A-Za-z0-9._-]* | .* | *..*) return 1 ;;
  esac
  url_host=$(lower "$url_host")
  # A host whose last label is a number is an IPv4 address to the URL parser (`1.2.3` is 1.2.0.3): only the
  # usual four-part form is taken, so the origin written for nginx is the one the browser compares.
  url_last_label=${url_host%.}
  url_last_label=${url_last_label##*.}
  case $url_host in \[*) ;; *)
    case $url_last_label in
      '' ) return 1 ;;
      *[!0-9]*) case $url_last_label in 0[xX]*) return 1 ;; esac ;;
      *) is_dotted_quad "${url_host%.}" || return 1 ;;
    esac ;;
  esac
  case $url_port in *[!0-9]*) return 1 ;; esac
  if [ -n "$url_port" ]; then
    url_port=$(printf '%s' "$url_port" | sed 's/^0*//')
    [ -n "$url_port" ] || url_port=0
    [ "${#url_port}" -le 5 ] && [ "$url_port" -le 65535 ] || return 1
  fi
  case $url_scheme:$url_port in http:80 | https:443) url_port= ;; esac
  url_origin=$url_scheme://$url_host${url_port:+:$url_port}
}
