#!/usr/bin/env bash
# Builds thaw and runs the whole test suite (README's second command; .ci/run runs it too).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh "$@"
ctest --test-dir "${THAW_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
