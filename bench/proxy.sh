#!/usr/bin/env bash
# The benchmark of the county's route (README, "Performance"; docs/DEPLOY.md): `POST /api/check`
# under load from wrk (64 connections) through the guide's nginx (TLS, the stand-in for the
# sign-in, the user header) against the same server asked directly on loopback with the header
# set by wrk, for throughput and p99 latency: what the proxy costs.
#
# usage: bench/proxy.sh        (RUNS=3 by default; DURATION=10s)
# needs: cargo, nginx, openssl, wrk (Debian)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
USER_NAME=anna.neuvoja@kunta.example

echo "== building (release)"
cargo build --release --quiet --locked --bin maaraika
MAARAIKA=${CARGO_TARGET_DIR:-$ROOT/target}/release/maaraika

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
HTTPS_PORT=$(free_port)
BACKEND_PORT=$(free_port)
WORK=$(mktemp -d)
NGINX_PID=
trap 'kill "$PID" 2>/dev/null || true; [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$MAARAIKA" serve --port "$BACKEND_PORT" --auth-proxy-header X-Forwarded-User --auth-proxy-from 127.0.0.1 \
  --public-url "https://localhost:$HTTPS_PORT/" >"$WORK/out" 2>/dev/null &
PID=$!
mkdir "$WORK/proxy"
packaging/standin-proxy.sh "$WORK/proxy" "$HTTPS_PORT" "$BACKEND_PORT" "$USER_NAME"
nginx -p "$WORK/proxy" -e "$WORK/proxy/error.log" -c "$WORK/proxy/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 100); do
  curl -sk -o /dev/null "https://localhost:$HTTPS_PORT/healthz" && curl -s -o /dev/null "http://127.0.0.1:$BACKEND_PORT/healthz" && break
  sleep 0.1
done
echo "== maaraika on 127.0.0.1:$BACKEND_PORT, nginx on https://localhost:$HTTPS_PORT/"

for i in $(seq "$RUNS"); do
  echo "== run $i: through nginx (https, sign-in stand-in): wrk -t2 -c64 -d$DURATION"
  wrk -t2 -c64 -d"$DURATION" -s bench/check.lua "https://localhost:$HTTPS_PORT/api/check" | grep RESULT
  echo "== run $i: directly (http, loopback, the header set by wrk)"
  wrk -t2 -c64 -d"$DURATION" -s bench/check.lua -H "X-Forwarded-User: $USER_NAME" \
    -H "Host: localhost:$HTTPS_PORT" "http://127.0.0.1:$BACKEND_PORT/api/check" | grep RESULT
done
