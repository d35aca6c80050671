#!/usr/bin/env bash
# README's first command: builds thaw and runs its main job on the shipped demo corpus with the
# built-in dictionaries and models (events, then relations by year).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
"${THAW_BUILD_DIR:-build}"/thaw demo
