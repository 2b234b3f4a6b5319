#!/usr/bin/env bash
# Runs every server test file with node's test runner.
# DATABASE_URL=postgres://... makes the database tests create their own databases on that server;
# without it they use temporary SQLite files. Extra arguments are passed to node (e.g. a file list).
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/.."

if [ "$#" -gt 0 ]; then
  files=("$@")
else
  files=(src/**/*.test.ts test/**/*.test.ts)
fi

echo "test engine: ${DATABASE_URL:-sqlite (temporary files)}"
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
