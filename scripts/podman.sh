#!/usr/bin/env bash
# Podman for the project's own test containers, set up for this project only: the machine's global container
# configuration is never touched. The settings live in containers/test-bases/containers.conf, which CONTAINERS_CONF
# points at for the project's own commands (runc rather than crun, cgroupfs, no default ulimits).
#
#   source scripts/podman.sh           installs podman and what it needs from Debian when missing, exports CONTAINERS_CONF
#   scripts/podman.sh build NAME       builds the test-only base image containers/test-bases/NAME (see the README there)
#                                      unless an image of the same recipe exists, and prints its name
#   scripts/podman.sh podman ARGS...   podman with the project's configuration, e.g. `scripts/podman.sh podman images`
#
# No image is ever pulled: no image registry is assumed reachable. Base images are made with mmdebstrap from
# Debian's packages and imported with `podman import`.
set -euo pipefail

podman_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONTAINERS_CONF=$podman_root/containers/test-bases/containers.conf
export CONTAINERS_CONF

# shellcheck source=scripts/packages.sh
source "$podman_root/scripts/packages.sh"

podman_say() { printf '==> %s\n' "$*" >&2; }

# podman_install: podman, the runtime and network stack it uses here (netavark needs iptables), and mmdebstrap,
# from Debian when missing.
podman_install() {
  install_packages podman runc netavark aardvark-dns iptables uidmap mmdebstrap
}

# recipe_hash NAME: a hash of every file of the recipe, names and contents, so any change to it means a new image.
# A recipe with a file `host-ca-certificates` also copies the host's extra trusted certificates into the image (a
# TLS-inspecting proxy's, which a build that downloads must trust), so they are part of its hash too.
recipe_hash() {
  local dir=$podman_root/containers/test-bases/$1
  {
    (cd "$dir" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    if [ -f "$dir/host-ca-certificates" ] && [ -d /usr/local/share/ca-certificates ]; then
      (cd /usr/local/share/ca-certificates && find . -name '*.crt' -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
    fi
  } | sha256sum | cut -c1-16
}

# build NAME: the image localhost/authstack-test-NAME:<recipe hash>, built only when no image of that recipe exists.
#
# A recipe is a folder containers/test-bases/NAME with
#   packages   Debian packages to install (one or more a line, # starts a comment), on top of mmdebstrap's minbase
#   changes    optional: lines for `podman import --change` (CMD, ENV, WORKDIR, ENTRYPOINT, USER, STOPSIGNAL, ...)
#   files/     optional: copied into the image's root as they are (entrypoint scripts, configuration)
#   customize  optional: a bash script run last with the image's root folder as $1 (users, fetched jars)
#   tags       optional: further names of the image, one a line: the official names a stand-in answers to
#   host-ca-certificates  optional: trust the host's /usr/local/share/ca-certificates in the image as well
build() {
  local name=${1:?usage: build NAME} dir hash image
  dir=$podman_root/containers/test-bases/$name
  [ -f "$dir/packages" ] || { echo "no recipe: $dir/packages is missing" >&2; return 2; }
  hash=$(recipe_hash "$name")
  image=localhost/authstack-test-$name:$hash
  if podman image exists "$image"; then
    tag_stand_in "$name" "$image"
    echo "$image"
    return 0
  fi

  local packages started
  packages=$(sed 's/#.*//' "$dir/packages" | xargs | tr ' ' ,)
  started=$SECONDS
  podman_say "building test base image $image from Debian bookworm with: ${packages//,/ }"
  (
    work=$(mktemp -d /tmp/authstack-test-base.XXXXXX)
    trap 'rm -rf "$work"' EXIT
    hooks=()
    [ ! -d "$dir/files" ] || hooks+=(--customize-hook="sync-in '$dir/files' /")
    [ ! -f "$dir/customize" ] || hooks+=(--customize-hook="bash '$dir/customize' \"\$1\"")
    if [ -f "$dir/host-ca-certificates" ] && [ -n "$(find /usr/local/share/ca-certificates -name '*.crt' 2>/dev/null)" ]; then
      hooks+=(--customize-hook="sync-in /usr/local/share/ca-certificates /usr/local/share/ca-certificates"
              --customize-hook='chroot "$1" update-ca-certificates >/dev/null')
    fi
    mmdebstrap --quiet --variant=minbase --include="$packages" "${hooks[@]}" bookworm "$work/rootfs.tar" \
      "deb http://deb.debian.org/debian bookworm main" \
      "deb http://deb.debian.org/debian bookworm-updates main" \
      "deb http://deb.debian.org/debian-security bookworm-security main"
    changes=(--change "LABEL dev.authstack.recipe=$name" --change "LABEL dev.authstack.recipe-hash=$hash")
    if [ -f "$dir/changes" ]; then
      while IFS= read -r line; do
        [[ -z "$line" || "$line" == \#* ]] || changes+=(--change "$line")
      done < "$dir/changes"
    fi
    podman import --quiet "${changes[@]}" "$work/rootfs.tar" "$image" >/dev/null
  )

  # Older images of the same recipe are of no further use.
  local old
  for old in $(podman images --noheading --format '{{.Repository}}:{{.Tag}}' --filter "reference=localhost/authstack-test-$name"); do
    [ "$old" = "$image" ] || podman rmi --force "$old" >/dev/null || true
  done
  podman_say "built $image in $((SECONDS - started)) s"
  tag_stand_in "$name" "$image"
  echo "$image"
}

# tag_stand_in NAME IMAGE: gives IMAGE the names listed in the recipe's `tags`, so a compose file or Containerfile
# that names an official image finds the stand-in and pulls nothing. A name that already belongs to an image not
# built from a recipe (the official one, pulled by someone with registry access) is left alone: it is the real thing.
tag_stand_in() {
  local name=$1 image=$2 tag label
  [ -f "$podman_root/containers/test-bases/$name/tags" ] || return 0
  while read -r tag; do
    [[ -z "$tag" || "$tag" == \#* ]] && continue
    if podman image exists "$tag"; then
      label=$(podman image inspect --format '{{index .Labels "dev.authstack.recipe"}}' "$tag" 2>/dev/null || true)
      if [ -z "$label" ] || [ "$label" = '<no value>' ]; then
        podman_say "$tag is present and is not a stand-in: using it as it is"
        continue
      fi
    fi
    podman tag "$image" "$tag"
  done < "$podman_root/containers/test-bases/$name/tags"
}

podman_install

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    build) shift; build "$@" ;;
    podman) shift; exec podman "$@" ;;
    *) sed -n '2,12s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
fi
