#!/bin/sh
# SidecarGen config watcher for etcd: mirrors every key under $SIDECARGEN_ETCD_PREFIX into
# $SIDECARGEN_CONFIG_DIR, one file per key (ASP.NET Core's key-per-file configuration reads it;
# "a/b" becomes "a__b", its section separator), then again after every change.
#
# The mirror changes only from a complete, successful read: every key is read into a staging
# folder first, and only when every read succeeded are the files moved in (one rename each, so
# no file is ever seen half-written) and the files of deleted keys removed. A failed read keeps
# the last files and does not mark the sync ready.
set -eu

endpoint="$SIDECARGEN_ETCD_ENDPOINT"
prefix="$SIDECARGEN_ETCD_PREFIX"
dir="$SIDECARGEN_CONFIG_DIR"
ready="$SIDECARGEN_READY_FILE"
events="$ready.events"
watch_pid=
loop_pid=

# As PID 1 a shell ignores TERM unless it traps it, and runs a trap only once its foreground
# command ends: so the watch runs in the background and every wait below is interruptible.
stop() {
  trap - TERM INT
  [ -z "$watch_pid" ] || kill "$watch_pid" 2>/dev/null || true
  [ -z "$loop_pid" ] || kill "$loop_pid" 2>/dev/null || true
  rm -f "$events"
  exit 0
}
trap stop TERM INT

pause() { sleep "$1" & wait $! || true; }

# The store's current revision: a sync reads the keys as of it, and the watch resumes after it.
revision() {
  etcdctl --endpoints="$endpoint" endpoint status --write-out=fields | sed -n 's/^"Revision" : //p'
}

sync_config() { # $1: the revision to read; fails, changing nothing, unless every read succeeds
  for stale in "$dir"/.sync.*; do
    [ ! -d "$stale" ] || rm -rf "$stale"
  done
  staging=$(mktemp -d "$dir/.sync.XXXXXX") || return 1
  if ! keys=$(etcdctl --endpoints="$endpoint" get --rev="$1" --prefix --keys-only "$prefix"); then
    rm -rf "$staging"
    return 1
  fi
  while IFS= read -r key; do
    [ -n "$key" ] || continue
    name=$(printf '%s' "${key#"$prefix"}" | sed 's#^/*##; s#/#__#g')
    # Dot files are invisible to the app's configuration (and the staging folder is one).
    case "$name" in "" | .*) continue ;; esac
    if ! etcdctl --endpoints="$endpoint" get --rev="$1" --print-value-only "$key" > "$staging/$name"; then
      rm -rf "$staging"
      return 1
    fi
  done <<EOF
$keys
EOF
  # Publish: drop files whose key is gone, then move the new ones in.
  for file in "$dir"/*; do
    [ -f "$file" ] || continue
    [ -e "$staging/${file##*/}" ] || rm -f "$file"
  done
  for file in "$staging"/*; do
    [ -f "$file" ] || continue
    mv -f "$file" "$dir/"
  done
  rm -rf "$staging"
}

# Each round mirrors the keys as of revision R, then watches from R+1: a change made while the
# watch is starting, or while it was down, is replayed rather than lost.
while true; do
  if ! rev=$(revision) || [ -z "$rev" ] || ! sync_config "$rev"; then
    echo "sidecargen: etcd at $endpoint not reachable or not readable yet, retrying" >&2
    pause 2
    continue
  fi
  touch "$ready"
  rm -f "$events"
  mkfifo "$events"
  # One JSON line per watch response, however many keys it changes.
  etcdctl --endpoints="$endpoint" watch --prefix --rev=$((rev + 1)) --write-out=json "$prefix" > "$events" &
  watch_pid=$!
  while IFS= read -r _; do
    { latest=$(revision) && [ -n "$latest" ] && sync_config "$latest"; } \
      || echo "sidecargen: sync from $endpoint failed, keeping the last files" >&2
  done < "$events" &
  loop_pid=$!
  wait "$loop_pid" || true
  kill "$watch_pid" 2>/dev/null || true
  wait "$watch_pid" 2>/dev/null || true
  watch_pid=
  loop_pid=
  pause 1
done
