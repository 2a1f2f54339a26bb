# Reading and writing /env-config.js (POSIX sh and awk, sourced by the entrypoint).

# The names of the REACT_APP_* variables in the environment, one a line, sorted.
react_app_names() {
  awk 'BEGIN { for (name in ENVIRON) if (name ~ /^REACT_APP_[A-Za-z0-9_]+$/) print name }' | sort
}

# Writes `window._env_` with every REACT_APP_* variable, each value as a JavaScript string, to $1.
write_env_config() {
  names=$(react_app_names | tr '\n' ' ')
  awk -v names="$names" '
    # A JavaScript string literal: backslash, quote and control characters escaped, the rest as given (UTF-8).
    function js_string(text,    out, i, c, code) {
      out = ""
      for (i = 1; i <= length(text); i++) {
        c = substr(text, i, 1)
        code = index(CONTROL, c)
        if (c == "\\") out = out "\\\\"
        else if (c == "\"") out = out "\\\""
        else if (c == "<") out = out "\\u003c"
        else if (code > 0) out = out sprintf("\\u%04x", code)
        else out = out c
      }
      return "\"" out "\""
    }
    BEGIN {
      for (i = 1; i < 32; i++) CONTROL = CONTROL sprintf("%c", i)
      count = split(names, list, " ")
      print "window._env_ = {"
      for (i = 1; i <= count; i++) printf "  \"%s\": %s%s\n", list[i], js_string(ENVIRON[list[i]]), (i < count ? "," : "")
      print "};"
    }' > "$1"
}

# Reads an env-config.js in the shape Terrakube's Helm chart mounts (`window._env_ = {`, one `NAME: "value",`
# a line, `}`) and exports its REACT_APP_* values, so they are checked like the environment's. A line in any
# other shape is refused by number: the file is JavaScript, and only this shape can be read without running it.
export_env_config_file() {
  assignments=$(awk '
    { sub(/\r$/, ""); line = $0; gsub(/^[ \t]+|[ \t]+$/, "", line) }
    line == "" || line ~ /^\/\// || line ~ /^window\._env_[ \t]*=[ \t]*\{$/ || line ~ /^\};?$/ { next }
    {
      name = line; sub(/^["\047]?/, "", name)
      if (match(name, /^REACT_APP_[A-Za-z0-9_]+/) == 0) { print "line " NR; exit 1 }
      rest = substr(name, RLENGTH + 1); name = substr(name, 1, RLENGTH)
      if (match(rest, /^["\047]?[ \t]*:[ \t]*/) == 0) { print "line " NR; exit 1 }
      rest = substr(rest, RLENGTH + 1); sub(/,$/, "", rest); sub(/[ \t]+$/, "", rest)
      quote = substr(rest, 1, 1)
      if ((quote != "\"" && quote != "\047") || length(rest) < 2 || substr(rest, length(rest)) != quote) { print "line " NR; exit 1 }
      text = substr(rest, 2, length(rest) - 2)
      if (index(text, quote) || index(text, "\\")) { print "line " NR; exit 1 }
      print name "=" text
    }' "$1") || {
    echo "Configuration error: $1, $assignments, is not a \`NAME: \"value\",\` line; write each REACT_APP_* value on its own line, in double quotes, without escapes." >&2
    exit 1
  }
  old_ifs=$IFS
  IFS='
'
  for assignment in $assignments; do
    export "${assignment?}"
  done
  IFS=$old_ifs
}
