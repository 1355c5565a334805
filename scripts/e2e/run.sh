#!/usr/bin/env bash
# Runs the VS Code end-to-end test: installs/checks the tools, then drives code-server + Chromium
# against a .vsix.
#   scripts/e2e/run.sh [path/to/extension.vsix]    (default: the newest *.vsix at the repo root)
# Screenshots and logs: test-results/e2e/. Exit code 0 = passed.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=paths.sh
. "$SCRIPT_DIR/paths.sh"

vsix="${1:-}"
if [ -z "$vsix" ]; then
  vsix="$(ls -t "$E2E_REPO_ROOT"/*.vsix 2>/dev/null | head -n1 || true)"
  [ -n "$vsix" ] || { echo "run.sh: no *.vsix at $E2E_REPO_ROOT (build one with 'npm run package', or pass a path)" >&2; exit 1; }
fi
[ -f "$vsix" ] || { echo "run.sh: vsix not found: $vsix" >&2; exit 1; }

"$SCRIPT_DIR/install-tools.sh"

# The test itself runs on the machine's Node (>= 20); fall back to the cached Node 24.
node_bin="node"
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 20 ]; then
  node_bin="$E2E_NODE24"
fi

echo "run.sh: testing $vsix"
exec "$node_bin" "$E2E_REPO_ROOT/tests/e2e/vscode.e2e.mjs" "$vsix"
