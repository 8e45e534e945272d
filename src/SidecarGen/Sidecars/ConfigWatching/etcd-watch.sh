#!/bin/sh
# SidecarGen config watcher for etcd: mirrors every key under $SIDECARGEN_ETCD_PREFIX into
# $SIDECARGEN_CONFIG_DIR, one file per key (ASP.NET Core's key-per-file configuration reads it;
# "a/b" becomes "a__b", its section separator), then again after every change.
set -eu

endpoint="$SIDECARGEN_ETCD_ENDPOINT"
prefix="$SIDECARGEN_ETCD_PREFIX"
dir="$SIDECARGEN_CONFIG_DIR"
ready="$SIDECARGEN_READY_FILE"

sync_config() {
  staging=$(mktemp -d "$dir/.sync.XXXXXX")
  etcdctl --endpoints="$endpoint" get --prefix --keys-only "$prefix" | while IFS= read -r key; do
    [ -n "$key" ] || continue
    name=$(printf '%s' "${key#"$prefix"}" | sed 's#^/*##; s#/#__#g')
    [ -n "$name" ] || continue
    etcdctl --endpoints="$endpoint" get --print-value-only "$key" > "$staging/$name"
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

until sync_config; do
  echo "sidecargen: etcd at $endpoint not reachable yet, retrying" >&2
  sleep 2
done
touch "$ready"

while true; do
  etcdctl --endpoints="$endpoint" watch --prefix "$prefix" | while IFS= read -r _; do
    sync_config || echo "sidecargen: sync from $endpoint failed, keeping the last files" >&2
  done
  sleep 1
done
