#!/usr/bin/env bash
# Runs the server tests with node's test runner, then the web app's tests.
# DATABASE_URL=postgres://... makes the database tests create their own databases on that server;
# without it they use temporary SQLite files. Extra arguments are passed to node (e.g. a file list),
# and then only those run; without arguments the web app's component and browser tests follow.
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/.."

echo "test engine: ${DATABASE_URL:-sqlite (temporary files)}"
if [ "$#" -gt 0 ]; then
  exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "$@"
fi

node --import tsx --test --test-concurrency=2 --test-reporter=spec src/**/*.test.ts test/**/*.test.ts

# The web app: component tests in jsdom, then the browser tests against a freshly built app
# served by a real server (GUICHET_SKIP_E2E=1 skips these, e.g. where Chromium is missing).
echo "web: component tests"
npx vitest run --config web/vite.config.ts
if [ "${GUICHET_SKIP_E2E:-}" = "1" ]; then
  echo "web: browser tests skipped (GUICHET_SKIP_E2E=1)"
else
  echo "web: browser tests"
  npm run --silent build:web
  npx playwright test --config web/e2e/playwright.config.ts --project=e2e
fi
