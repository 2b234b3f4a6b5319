// Builds the web app after `npm install`, so that `npm start` serves it from a fresh clone.
// A production install without dev dependencies has no Vite: the server then serves the API only.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('vite/package.json');
} catch {
  console.warn('guichet: Vite is not installed, the web app is not built (npm run build:web builds it).');
  process.exit(0);
}

const result = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
