import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm is a const enum, which per-file transpilers cannot inline; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

export const hashPassword = (password: string) => hash(password, { algorithm: ARGON2ID });

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Spend the same time on an unknown username as on a wrong password. */
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('kesu-timing-equaliser');
  await verifyPassword(await dummy, password);
}
