// Values shared by the Playwright configuration (which starts the server) and the specs.

export const ADMIN_PASSWORD = 'e2e-admin-password';
export const USER_PASSWORD = 'e2e-user-password';

/** Returns the server's address. The configuration picks a free port and stores it for the worker processes. */
export function baseUrl(): string {
  const port = process.env.GUICHET_E2E_PORT;
  if (port === undefined) throw new Error('GUICHET_E2E_PORT is unset: run the specs through web/e2e/playwright.config.ts');
  return `http://127.0.0.1:${port}`;
}
