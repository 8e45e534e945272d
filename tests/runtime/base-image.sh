#!/usr/bin/env bash
# The root filesystem every runtime-test image starts from, built without a registry: Debian
# bookworm's essential packages plus nginx, etcd, busybox and Perl's YAML::XS (mmdebstrap), with
# the user and group 10001 the generated manifests run as, imported into the engine as
# sidecargen-runtime/base:<key>.
# The key hashes this script, so a changed package list or hook builds a new one; an image that
# exists is reused. Prints the image reference. Needs the engine from engine.sh (DOCKER_HOST set).
set -euo pipefail

packages=nginx-light,etcd-server,etcd-client,busybox-static,libstdc++6,libyaml-libyaml-perl
suite=bookworm
key=$(sha256sum "$0" | cut -c1-12)
image=sidecargen-runtime/base:$key

fail() { echo "base-image.sh: $*" >&2; exit 1; }

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi
command -v mmdebstrap >/dev/null || fail "mmdebstrap is not installed (tests/runtime/engine.sh installs it)"
mirror=$(grep -hoE '^URIs: *\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v -- '-security' | head -n1 || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "base-image.sh: mmdebstrap $suite with $packages" >&2
# busybox-static brings wget, nc and httpd for the stand-ins and probes (linked only where Debian
# has no program of that name, so sh, sed and test stay dash and coreutils); libstdc++6 is what the .NET
# runtime needs beyond the essential set (the app runs with invariant globalization, so no ICU);
# libyaml-libyaml-perl lets the Envoy and collector stand-ins read the generated YAML.
mmdebstrap --quiet --variant=essential --include="$packages" \
  --customize-hook='echo "app:x:10001:10001:SidecarGen runtime tests:/nonexistent:/usr/sbin/nologin" >> "$1/etc/passwd"' \
  --customize-hook='echo "app:x:10001:" >> "$1/etc/group"' \
  --customize-hook='chroot "$1" /bin/sh -c "for a in \$(busybox --list); do command -v \$a >/dev/null || ln -s /bin/busybox /usr/local/bin/\$a; done"' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/usr/share/doc "$1"/usr/share/man "$1"/usr/share/locale' \
  "$suite" "$work/rootfs.tar" ${mirror:+"$mirror"} >&2 || fail "mmdebstrap failed"
docker import --message "sidecargen runtime-test base ($packages)" "$work/rootfs.tar" "$image" >/dev/null \
  || fail "docker import failed"
echo "$image"
