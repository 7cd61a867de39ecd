# Installs what TrustBot needs on a new machine, only when it is missing. Sourced by scripts/run and scripts/test.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say() { printf '\033[1m[trustbot]\033[0m %s\n' "$*"; }

require_command() {
  if ! command -v "$1" >/dev/null 2>&1; then
    say "$1 is required but not installed. $2"
    exit 1
  fi
}

# Azurite, the Agents Playground and the Adaptive Cards renderer, exactly as package-lock.json pins them.
ensure_node_packages() {
  require_command node "Install Node.js 20 or later."
  require_command npm "Install npm (it comes with Node.js)."
  if [ ! -f "$repo_root/node_modules/.package-lock.json" ] || [ "$repo_root/package-lock.json" -nt "$repo_root/node_modules/.package-lock.json" ]; then
    say "Installing Node packages (npm ci)…"
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian's Chromium, driven headless by the end-to-end tests (browser downloads are not used).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    say "Chromium is missing at /usr/bin/chromium and apt-get is not available: install Chromium and retry."
    exit 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  say "Installing Chromium (apt-get)…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

ensure_dotnet() {
  require_command dotnet "Install the .NET 10 SDK."
}
