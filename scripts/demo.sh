#!/usr/bin/env bash
# README's first command: builds thaw and codes the bundled example (events as TSV).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
"${THAW_BUILD_DIR:-build}"/thaw code examples/korea.conllu --dict-dir examples/dict --format tsv
