#!/usr/bin/env bash
# Prepares what bench/typescript.mjs compares against, outside the project's dependencies (all under .cache/, which
# is git-ignored):
#   .cache/bench/ts/node_modules          the peers, pinned: typescript-eslint's rules (@typescript-eslint/eslint-plugin),
#                                         Biome, oxlint (+ oxlint-tsgolint for its type-aware rules)
#   .cache/bench/ts-corpus/<owner+name>   a large real async-heavy TypeScript corpus at a pinned commit (sources only)
#
#   bash bench/setup-ts.sh            # peers + corpus
#   bash bench/setup-ts.sh --peers    # peers only (enough for `node bench/typescript.mjs --smoke`)
#
# The peers live in their own prefix (not .cache/bench/node_modules, which bench/setup.sh owns for the Python peers).
# They are installed without their peer dependencies (--legacy-peer-deps): eslint, typescript and
# @typescript-eslint/parser then resolve, up the folder tree, to the project's own copies, so typescript-eslint's rules
# run on the very parser, TypeScript and project service ours run on.
#
# A repository is taken from a local bare mirror when one exists ($BENCH_MIRRORS/<owner>+<name>/repo, as the agents'
# `fetch` tool leaves them), else fetched from GitHub at the pinned commit (shallow).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PEERS=$ROOT/.cache/bench/ts
CORPUS_DIR=$ROOT/.cache/bench/ts-corpus
MIRRORS=${BENCH_MIRRORS:-/work/.mirror}

TSESLINT_VERSION=$(node -p 'require("./node_modules/@typescript-eslint/parser/package.json").version')
BIOME_VERSION=2.6.8
OXLINT_VERSION=1.94.0
TSGOLINT_VERSION=7.0.2007

# owner/name commit — the corpus the figures in bench/README.md were measured on.
CORPUS=(
  "honojs/hono 28a9c128912de19f3fb28b00ae289c9b93f6f392"
)

installed() { # package version
  [ -f "$PEERS/node_modules/$1/package.json" ] && grep -q "\"version\": \"$2\"" "$PEERS/node_modules/$1/package.json"
}
mkdir -p "$PEERS"
if ! installed @typescript-eslint/eslint-plugin "$TSESLINT_VERSION" || ! installed @biomejs/biome "$BIOME_VERSION" ||
   ! installed oxlint "$OXLINT_VERSION" || ! installed oxlint-tsgolint "$TSGOLINT_VERSION"; then
  [ -f "$PEERS/package.json" ] || echo '{ "name": "async-pitfalls-bench-ts", "private": true }' > "$PEERS/package.json"
  # No lifecycle scripts: Biome, oxlint and tsgolint ship their native binaries as optional dependencies.
  npm install --prefix "$PEERS" --no-audit --no-fund --ignore-scripts --legacy-peer-deps \
    "@typescript-eslint/eslint-plugin@$TSESLINT_VERSION" "@biomejs/biome@$BIOME_VERSION" \
    "oxlint@$OXLINT_VERSION" "oxlint-tsgolint@$TSGOLINT_VERSION"
fi
echo "peers in $PEERS/node_modules: @typescript-eslint/eslint-plugin $TSESLINT_VERSION, @biomejs/biome $BIOME_VERSION," \
  "oxlint $OXLINT_VERSION, oxlint-tsgolint $TSGOLINT_VERSION"

[ "${1:-}" = "--peers" ] && exit 0

mkdir -p "$CORPUS_DIR" "$ROOT/.cache/bench/repos"
for entry in "${CORPUS[@]}"; do
  read -r repo commit <<<"$entry"
  dest=$CORPUS_DIR/${repo/\//+}
  if [ -f "$dest/.bench-commit" ] && [ "$(cat "$dest/.bench-commit")" = "$commit" ]; then continue; fi
  gitdir=$MIRRORS/${repo/\//+}/repo
  if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    gitdir=$ROOT/.cache/bench/repos/${repo/\//+}.git
    if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
      git init --quiet --bare "$gitdir"
      git --git-dir="$gitdir" fetch --quiet --depth 1 "https://github.com/$repo.git" "$commit"
    fi
  fi
  rm -rf "$dest" && mkdir -p "$dest"
  git --git-dir="$gitdir" archive "$commit" | tar -x -C "$dest"
  echo "$commit" > "$dest/.bench-commit"
done

echo "corpus in $CORPUS_DIR:"
for entry in "${CORPUS[@]}"; do
  read -r repo commit <<<"$entry"
  dest=$CORPUS_DIR/${repo/\//+}
  files=$(find "$dest" -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.mts' -o -name '*.cts' \) | wc -l)
  lines=$(find "$dest" -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.mts' -o -name '*.cts' \) -print0 | xargs -0 cat | wc -l)
  printf '  %-20s %s  %5d TS files %8d lines\n' "$repo" "${commit:0:12}" "$files" "$lines"
done
