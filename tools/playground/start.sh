#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground (a Teams emulator) on 127.0.0.1 with the mock team in
# .m365agentsplayground.yml, pointed at a bot endpoint. Used by scripts/run and the end-to-end tests.
# Usage: tools/playground/start.sh PORT BOT_ENDPOINT
set -euo pipefail
port="$1"
endpoint="$2"
root="$(cd "$(dirname "$0")/../.." && pwd)"
export TEAMSAPPTESTER_BROWSER=none                 # never try to open a desktop browser
export APPLICATION_INSIGHTS_NO_STATSBEAT=true      # --disable-telemetry alone still phones home
export M365_AGENTS_PLAYGROUND_CONFIG_PATH="$root/.m365agentsplayground.yml"
export M365_AGENTS_PLAYGROUND_LOGFILE="${M365_AGENTS_PLAYGROUND_LOGFILE:-$root/.data/playground.log}"
mkdir -p "$(dirname "$M365_AGENTS_PLAYGROUND_LOGFILE")"
exec node -r "$root/tools/playground/loopback-only.cjs" \
  "$root/node_modules/@microsoft/m365agentsplayground/cli.js" \
  --port "$port" --app-endpoint "$endpoint" --channel-id msteams \
  --service-url "http://127.0.0.1:$port/_connector" --disable-telemetry
