#!/usr/bin/env bash
# Prepares what bench/python.mjs compares against, outside the project's dependencies (all under .cache/, which is
# git-ignored):
#   .cache/bench/node_modules   the peers: ruff (wasm build for Node) and pyright, pinned
#   .cache/bench/corpus/<repo>  a large real asyncio corpus: public repositories at pinned commits (sources only)
#
#   bash bench/setup.sh            # peers + corpus
#   bash bench/setup.sh --peers    # peers only (enough for `node bench/python.mjs --smoke`)
#
# A repository is taken from a local bare mirror when one exists ($BENCH_MIRRORS/<owner>+<name>/repo, as the
# agents' `fetch` tool leaves them), else fetched from GitHub at the pinned commit (shallow).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=$ROOT/.cache/bench
MIRRORS=${BENCH_MIRRORS:-/work/.mirror}

RUFF_VERSION=0.17.3
PYRIGHT_VERSION=1.1.414

# owner/name commit — the corpus the figures in bench/README.md were measured on.
CORPUS=(
  "aio-libs/aiohttp 495e778360d1924da63e16dba0f0d76baf56a56a"
  "Rapptz/discord.py 1add8a0b40577186431cdb5f63f97affadab285b"
  "livekit/agents da6af86ac640a3bc54585764e64321d7048c1c16"
)

mkdir -p "$CACHE"
if [ ! -f "$CACHE/node_modules/@astral-sh/ruff-wasm-nodejs/package.json" ] ||
   [ ! -f "$CACHE/node_modules/pyright/package.json" ] ||
   ! grep -q "\"version\": \"$RUFF_VERSION\"" "$CACHE/node_modules/@astral-sh/ruff-wasm-nodejs/package.json" ||
   ! grep -q "\"version\": \"$PYRIGHT_VERSION\"" "$CACHE/node_modules/pyright/package.json"; then
  [ -f "$CACHE/package.json" ] || echo '{ "name": "async-pitfalls-bench", "private": true }' > "$CACHE/package.json"
  npm install --prefix "$CACHE" --no-audit --no-fund --ignore-scripts \
    "@astral-sh/ruff-wasm-nodejs@$RUFF_VERSION" "pyright@$PYRIGHT_VERSION"
fi
echo "peers: ruff-wasm-nodejs $RUFF_VERSION, pyright $PYRIGHT_VERSION in $CACHE/node_modules"

[ "${1:-}" = "--peers" ] && exit 0

mkdir -p "$CACHE/corpus" "$CACHE/repos"
for entry in "${CORPUS[@]}"; do
  read -r repo commit <<<"$entry"
  dest=$CACHE/corpus/${repo/\//+}
  if [ -f "$dest/.bench-commit" ] && [ "$(cat "$dest/.bench-commit")" = "$commit" ]; then continue; fi
  gitdir=$MIRRORS/${repo/\//+}/repo
  if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    gitdir=$CACHE/repos/${repo/\//+}.git
    if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
      git init --quiet --bare "$gitdir"
      git --git-dir="$gitdir" fetch --quiet --depth 1 "https://github.com/$repo.git" "$commit"
    fi
  fi
  rm -rf "$dest" && mkdir -p "$dest"
  git --git-dir="$gitdir" archive "$commit" | tar -x -C "$dest"
  echo "$commit" > "$dest/.bench-commit"
done

echo "corpus in $CACHE/corpus:"
for entry in "${CORPUS[@]}"; do
  read -r repo commit <<<"$entry"
  dest=$CACHE/corpus/${repo/\//+}
  files=$(find "$dest" -name '*.py' -type f | wc -l)
  lines=$(find "$dest" -name '*.py' -type f -print0 | xargs -0 cat | wc -l)
  printf '  %-20s %s  %5d .py files %8d lines\n' "$repo" "${commit:0:12}" "$files" "$lines"
done
