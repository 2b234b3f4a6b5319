import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The web app is built into web/dist and served by the Guichet server from the same origin.
// During `vite dev`, API calls go to a Guichet server started separately (GUICHET_API, default port 8080).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': process.env.GUICHET_API ?? 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['src/test-setup.ts'],
  },
});
