import type { Verification } from "./load";

/** What one scenario proved, or failed to. */
export class Report {
  readonly checks: { label: string; ok: boolean; detail: string }[] = [];
  readonly notes: string[] = [];
  readonly verifications: Verification[] = [];
  error: Error | null = null;
  ms = 0;

  constructor(readonly name: string) {}

  check(label: string, ok: boolean, detail = ""): boolean {
    this.checks.push({ label, ok, detail });
    process.stdout.write(`  ${ok ? "ok  " : "FAIL"} ${label}${detail ? ` (${detail})` : ""}\n`);
    return ok;
  }

  note(text: string): void {
    this.notes.push(text);
    process.stdout.write(`       ${text}\n`);
  }

  /** Acknowledged writes all stored, none twice, nothing nobody wrote. */
  verified(label: string, result: Verification): void {
    this.verifications.push(result);
    this.check(
      `${label}: every acknowledged write is stored once`,
      result.lost === 0 && result.duplicates === 0 && result.strangers === 0 && result.acknowledged > 0,
      `acknowledged ${result.acknowledged}, found ${result.found}, lost ${result.lost}, duplicates ${result.duplicates}, ambiguous stored ${result.unresolvedStored}`,
    );
  }

  get passed(): boolean {
    return this.error === null && this.checks.every((c) => c.ok);
  }
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
