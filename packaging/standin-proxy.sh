#!/usr/bin/env bash
# The nginx of docs/DEPLOY.md (step 4), made runnable on one machine without the county's
# sign-in, for tests/behind_proxy.rs and bench/proxy.sh: one place that turns the guide's block
# into a configuration, so that what CI tests is what the guide says.
#
# usage: packaging/standin-proxy.sh DIR HTTPS_PORT BACKEND_PORT USER
#
# Writes into DIR (which must exist):
#   cert.pem, key.pem       a self-signed certificate for localhost and 127.0.0.1 (openssl)
#   nginx.conf              the guide's server block with its certificate paths, ports and
#                           server name replaced, and its sign-in (the `--- sign-in` section and
#                           the lines ending `# sign-in`) replaced by a fixed map: requests from
#                           127.0.0.1 are signed in as USER, any other address as nobody
#   nginx-as-written.conf   the guide's block with only the paths and ports replaced, sign-in
#                           and all (for `nginx -t`: it must parse as the guide gives it)
# Start it as the current user: nginx -p DIR -e DIR/error.log -c DIR/nginx.conf
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 DIR HTTPS_PORT BACKEND_PORT USER" >&2; exit 2; }
DIR=$(cd "$1" && pwd)
HTTPS_PORT=$2
BACKEND_PORT=$3
SIGNED_IN=$4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GUIDE=$ROOT/docs/DEPLOY.md
fail() { echo "standin-proxy.sh: $*" >&2; exit 1; }

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$DIR/key.pem" -out "$DIR/cert.pem" 2>/dev/null

# The guide's block: the first ```nginx fence.
awk '/^```nginx$/ { on = 1; next } on && /^```$/ { exit } on { print }' "$GUIDE" >"$DIR/guide.conf"
[ -s "$DIR/guide.conf" ] || fail "no \`\`\`nginx block in $GUIDE"
# Every text replaced must be in the guide, so that a change there fails here, loudly.
for TEXT in 'listen 443 ssl;' 'server_name maaraika.kunta.example;' \
  'ssl_certificate /etc/ssl/maaraika/fullchain.pem;' 'ssl_certificate_key /etc/ssl/maaraika/privkey.pem;' \
  'server 127.0.0.1:8080;' '# --- sign-in' '# --- end of sign-in' '# sign-in'; do
  grep -qF -- "$TEXT" "$DIR/guide.conf" || fail "the guide's nginx block no longer has '$TEXT'"
done
sed -e "s|listen 443 ssl;|listen 127.0.0.1:$HTTPS_PORT ssl;|" \
  -e "s|server_name maaraika.kunta.example;|server_name localhost;|" \
  -e "s|/etc/ssl/maaraika/fullchain.pem|$DIR/cert.pem|" \
  -e "s|/etc/ssl/maaraika/privkey.pem|$DIR/key.pem|" \
  -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$BACKEND_PORT;|" \
  "$DIR/guide.conf" >"$DIR/server-as-written.conf"
awk '/# --- sign-in/ { skip = 1 } skip && /# --- end of sign-in/ { skip = 0; next } skip { next }
     /# sign-in$/ { next } { print }' "$DIR/server-as-written.conf" >"$DIR/server.conf"

# The rest of what Debian's /etc/nginx/nginx.conf gives, in DIR, for the current user.
mkdir -p "$DIR/tmp"
frame() {
  cat <<CONF
daemon off;
worker_processes 2;
pid $DIR/nginx.pid;
error_log $DIR/error.log;
$( [ "$(id -u)" = 0 ] && echo "user $(id -un) $(id -gn);" )
events { worker_connections 1024; }
http {
    access_log $DIR/access.log;
    client_body_temp_path $DIR/tmp/body;
    proxy_temp_path $DIR/tmp/proxy;
    fastcgi_temp_path $DIR/tmp/fastcgi;
    uwsgi_temp_path $DIR/tmp/uwsgi;
    scgi_temp_path $DIR/tmp/scgi;
    default_type application/octet-stream;
$1
    include $2;
}
CONF
}
frame "    # The stand-in for the sign-in: who the proxy says is signed in, by address.
    map \$remote_addr \$maaraika_user {
        127.0.0.1 \"$SIGNED_IN\";
        default \"\";
    }" "$DIR/server.conf" >"$DIR/nginx.conf"
frame "" "$DIR/server-as-written.conf" >"$DIR/nginx-as-written.conf"
