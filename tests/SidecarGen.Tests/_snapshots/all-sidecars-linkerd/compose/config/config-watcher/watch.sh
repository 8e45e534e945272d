#!/bin/sh
# SidecarGen config watcher for etcd: mirrors every key under $SIDECARGEN_ETCD_PREFIX into
# $SIDECARGEN_CONFIG_DIR, one file per key (ASP.NET Core's key-per-file configuration reads it;
# "a/b" becomes "a__b", its section separator), then again after every change.
set -eu

endpoint="$SIDECARGEN_ETCD_ENDPOINT"
prefix="$SIDECARGEN_ETCD_PREFIX"
dir="$SIDECARGEN_CONFIG_DIR"
ready="$SIDECARGEN_READY_FILE"

# The store's current revision: a sync reads the keys as of it, and the watch resumes after it.
revision() {
  etcdctl --endpoints="$endpoint" endpoint status --write-out=fields | sed -n 's/^"Revision" : //p'
}

sync_config() { # $1: the revision to read
  staging=$(mktemp -d "$dir/.sync.XXXXXX")
  etcdctl --endpoints="$endpoint" get --rev="$1" --prefix --keys-only "$prefix" | while IFS= read -r key; do
    [ -n "$key" ] || continue
    name=$(printf '%s' "${key#"$prefix"}" | sed 's#^/*##; s#/#__#g')
    [ -n "$name" ] || continue
    etcdctl --endpoints="$endpoint" get --rev="$1" --print-value-only "$key" > "$staging/$name"
  done
  # Publish: drop files whose key is gone, then move the new ones in (a rename per file).
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
    echo "sidecargen: etcd at $endpoint not reachable yet, retrying" >&2
    sleep 2
    continue
  fi
  touch "$ready"
  # One JSON line per watch response, however many keys it changes.
  etcdctl --endpoints="$endpoint" watch --prefix --rev=$((rev + 1)) --write-out=json "$prefix" | while IFS= read -r _; do
    { latest=$(revision) && [ -n "$latest" ] && sync_config "$latest"; } \
      || echo "sidecargen: sync from $endpoint failed, keeping the last files" >&2
  done
  sleep 1
done
