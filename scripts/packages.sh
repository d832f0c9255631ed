# Sourced by provision.sh and podman.sh: installs from Debian the packages that are missing, and only those.
#   install_packages PACKAGE...   apt-get update (once per shell), then apt-get install; as root, else it says what to
#                                 install and fails
apt_updated=
install_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
    return 1
  fi
  if [ -z "$apt_updated" ]; then
    printf '==> %s\n' "apt-get update" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq -o DPkg::Lock::Timeout=600
    apt_updated=1
  fi
  printf '==> %s\n' "installing ${missing[*]}" >&2
  # On a machine without apt-utils (minimal ones), debconf says it delays configuration: information, not an error.
  # Another apt (a second provisioning, the machine's own updates) may hold dpkg's lock: wait for it, not fail.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 \
    "${missing[@]}" >/dev/null \
    2> >(grep -v '^debconf: delaying package configuration, since apt-utils is not installed' >&2)
}
