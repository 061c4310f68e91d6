// A new password must not be on a list of common passwords (NIST SP 800-63B 5.1.1.2: check against "passwords
// obtained from previous breach corpuses"). The list is vendored (common-passwords.txt names its source) because
// this machine reaches no network at run time. Compared case-insensitively: "Password1" is as weak as "password1".
import { readFileSync } from 'node:fs';

let list: Set<string> | null = null;

function loadList(): Set<string> {
  const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
  const entries = text.split(/\r?\n/).filter((line) => line.length > 0 && !line.startsWith('#'));
  return new Set(entries.map((entry) => entry.toLowerCase()));
}

export function isCommonPassword(password: string): boolean {
  list ??= loadList();
  return list.has(password.toLowerCase());
}

/** How many entries the list holds (the docs and a test quote it). */
export function commonPasswordCount(): number {
  list ??= loadList();
  return list.size;
}
