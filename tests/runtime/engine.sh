#!/usr/bin/env bash
# A private Docker Engine + Docker Compose v2 for the runtime tests, without touching /etc/apt,
# the host's firewall or any other Docker on the machine.
#
#   tests/runtime/engine.sh [start]   install what is missing, start dockerd, write the env file
#   tests/runtime/engine.sh env       print the exports that point docker at it (eval "$(... env)")
#   tests/runtime/engine.sh stop      stop the dockerd this script started
#
# Docker Engine 26 and Compose 2.26 come from Debian trixie (bookworm's docker.io 20.10 rejects
# healthcheck.start_interval): `apt-get download` with a private sources list, lists and cache,
# then `dpkg-deb -x` into $SIDECARGEN_ENGINE_DIR/root. containerd, runc, tini, iptables and
# mmdebstrap (for the test images) are ordinary bookworm packages. dockerd runs on its own socket,
# data root and exec root, with no default bridge (compose makes its own networks, from a pool
# other engines do not use) and without iptables rules: published ports are served by
# docker-proxy, so the tests reach them on 127.0.0.1.
# Everything is kept in $SIDECARGEN_ENGINE_DIR (default ~/.cache/sidecargen/engine); a second run
# only checks that dockerd answers.
set -euo pipefail

dir=${SIDECARGEN_ENGINE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sidecargen/engine}
pool=${SIDECARGEN_ENGINE_POOL:-10.213.0.0/16}
trixie_packages=(docker.io docker-cli docker-compose)
bookworm_packages=(containerd runc tini iptables mmdebstrap)
socket=$dir/run/docker.sock

fail() { echo "engine.sh: $*" >&2; exit 1; }

exports() {
  echo "export DOCKER_HOST=unix://$socket"
  echo "export DOCKER_CONFIG=$dir/docker-config"
  # The trixie CLI speaks the daemon's API (1.45) natively; a newer CLI on PATH would negotiate down.
  echo "export PATH=$dir/root/usr/bin:$dir/root/usr/sbin:\$PATH"
}

# The Debian mirror this machine's apt already uses (deb822 or one-line sources).
mirror() {
  local uri
  uri=$(grep -hoE '^URIs: *\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v -- '-security' | head -n1 || true)
  [ -n "$uri" ] || uri=$(grep -hoE '^deb +(\[[^]]*\] +)?\S+ +bookworm ' /etc/apt/sources.list 2>/dev/null | awk '{print $(NF-1)}' | head -n1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

install_bookworm() {
  local missing=()
  for package in "${bookworm_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" -eq 0 ] || fail "needs root to apt-get install ${missing[*]} (and to run dockerd)"
  echo "engine.sh: apt-get install ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
    || fail "apt-get install ${missing[*]} failed"
}

install_trixie() {
  [ -x "$dir/root/usr/sbin/dockerd" ] && [ -x "$dir/root/usr/bin/docker" ] \
    && [ -x "$dir/docker-config/cli-plugins/docker-compose" ] && return
  local apt=$dir/apt
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$dir/root"
  cat > "$apt/trixie.sources" <<EOF
Types: deb
URIs: $(mirror)
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local options=(-q -o "Dir::Etc::SourceList=$apt/trixie.sources" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o APT::Sandbox::User=root)
  echo "engine.sh: downloading ${trixie_packages[*]} from trixie ($(mirror))" >&2
  apt-get "${options[@]}" update >/dev/null || fail "apt-get update of the private trixie list failed (mirror $(mirror))"
  (cd "$apt/debs" && rm -f ./*.deb && apt-get "${options[@]}" download "${trixie_packages[@]}" >/dev/null) \
    || fail "apt-get download ${trixie_packages[*]} from trixie failed"
  for deb in "$apt/debs"/*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
  mkdir -p "$dir/docker-config/cli-plugins"
  ln -sf "$dir/root/usr/libexec/docker/cli-plugins/docker-compose" "$dir/docker-config/cli-plugins/docker-compose"
  [ -x "$dir/root/usr/sbin/dockerd" ] || fail "no dockerd in the extracted docker.io package"
}

running() {
  [ -S "$socket" ] && DOCKER_HOST=unix://$socket "$dir/root/usr/bin/docker" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

start_daemon() {
  running && return
  mkdir -p "$dir/run" "$dir/data" "$dir/exec"
  # A dockerd of ours that died leaves its pid and containerd's files; clear them.
  [ -f "$dir/run/docker.pid" ] && ! kill -0 "$(cat "$dir/run/docker.pid")" 2>/dev/null && rm -f "$dir/run/docker.pid"
  rm -f "$socket"
  echo "engine.sh: starting dockerd on $socket" >&2
  PATH=$dir/root/usr/sbin:$dir/root/usr/bin:$PATH setsid "$dir/root/usr/sbin/dockerd" \
    --host "unix://$socket" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/run/docker.pid" \
    --bridge none --iptables=false --ip-masq=false --ip-forward=false \
    --default-address-pool "base=$pool,size=24" --userland-proxy=true \
    --storage-driver overlay2 --log-level warn \
    </dev/null >"$dir/dockerd.log" 2>&1 &
  for _ in $(seq 1 150); do
    running && return
    kill -0 $! 2>/dev/null || fail "dockerd exited; its log, $dir/dockerd.log, ends with:
$(tail -n 20 "$dir/dockerd.log")"
    sleep 0.2
  done
  fail "dockerd did not answer on $socket within 30 s; see $dir/dockerd.log"
}

case "${1:-start}" in
  start)
    [ "$(uname -s)" = Linux ] || fail "the runtime tests' engine is Linux only"
    install_bookworm
    install_trixie
    start_daemon
    exports > "$dir/env"
    echo "engine.sh: Docker $(DOCKER_HOST=unix://$socket "$dir/root/usr/bin/docker" version --format '{{.Server.Version}}'), $(DOCKER_CONFIG=$dir/docker-config "$dir/root/usr/bin/docker" compose version --short 2>/dev/null | sed 's/^/Compose /') on $socket" >&2
    ;;
  env) exports ;;
  stop)
    if [ -f "$dir/run/docker.pid" ]; then
      pid=$(cat "$dir/run/docker.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
    rm -f "$dir/env"
    ;;
  *) fail "usage: engine.sh [start|env|stop]" ;;
esac
