import fs from 'node:fs';
import os from 'node:os';

/** Removes the temporary folder that held the test server's database. */
export default function teardown(): void {
  const dir = process.env.GUICHET_E2E_DIR;
  if (dir !== undefined && dir.startsWith(os.tmpdir())) fs.rmSync(dir, { recursive: true, force: true });
}
