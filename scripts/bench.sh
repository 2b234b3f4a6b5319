#!/usr/bin/env bash
# Runs the benchmarks under bench/: all of them, or those whose name contains the first argument.
# BENCH_TICKETS sets the number of tickets; DATABASE_URL=postgres://... runs them on PostgreSQL.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
for file in bench/*.bench.ts; do
  if [ "$#" -gt 0 ] && [[ "$file" != *"$1"* ]]; then continue; fi
  echo "== $file"
  node --import tsx "$file"
done
