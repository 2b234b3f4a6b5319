import { hash, verify } from '@node-rs/argon2';

// Argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane). The numeric algorithm id is used
// because the library's Algorithm enum is a const enum, which isolated modules cannot import.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID as never, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash cannot match any password.
    return false;
  }
}

// Verified when the login is unknown, so an unknown login costs as much time as a wrong password.
let decoyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-never-valid');
  await verifyPassword(await decoyHash, password);
}
