import { Algorithm, hash, verify } from "@node-rs/argon2";

/** argon2id at OWASP's recommended cost (19 MiB, 2 passes). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

export function passwordProblem(password: unknown): string | null {
  if (typeof password !== "string") return "The password must be a string.";
  if ([...password].length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), OPTIONS);
}

/**
 * Verifies against the stored hash, or, when there is no account, against a
 * hash of nothing in particular: a wrong email and a wrong password cost the
 * same time.
 */
export class PasswordVerifier {
  private decoy: Promise<string> = hash("nexus decoy password", OPTIONS);

  async verify(storedHash: string | null, password: string): Promise<boolean> {
    const target = storedHash ?? (await this.decoy);
    try {
      const ok = await verify(target, password.normalize("NFC"));
      return ok && storedHash !== null;
    } catch {
      return false;
    }
  }
}
