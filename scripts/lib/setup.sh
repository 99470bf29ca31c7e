# Shared by scripts/run and scripts/test: install what is missing, configure, build.
# Sourced, not run. Quick no-op on a second call.

FEARLESS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian 12 packages. Boost is pinned to 1.81: the unversioned libboost-*-dev
# packages pull 1.74 and remove 1.81.
FEARLESS_PACKAGES=(
  g++ clang clang-19 clang-22 libclang-rt-14-dev clang-tidy cmake ninja-build pkg-config
  catch2 libboost1.81-dev libboost-filesystem1.81-dev
  libcli11-dev libfmt-dev nlohmann-json3-dev libxxhash-dev
  chromium python3 distcc
  libxml2-utils
)

fearless_install() {
  local missing=()
  local p
  for p in "${FEARLESS_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# fearless_build PRESET [TARGET...]: configure once, then build incrementally.
fearless_build() {
  local preset=$1; shift
  cd "$FEARLESS_ROOT" || return 1
  if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset" >/dev/null || return 1
  fi
  if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" --target "$@"
  else
    cmake --build --preset "$preset"
  fi
}
