// What the hostile tests check on the host after a job: no stray process, no file written outside.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Host processes whose command line contains the marker (a `sleep 987.6xx` left behind by a program). */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(marker) && Number(entry) !== process.pid) found.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

export const OUTSIDE_PATHS = ['/etc/logicode-pwned', '/usr/logicode-pwned', '/logicode-pwned', '/tmp/logicode-pwned-host'];

export function outsideFilesOnHost(): string[] {
  return OUTSIDE_PATHS.filter((p) => existsSync(p));
}

/** A TCP listener on the host's 127.0.0.1 that counts who reaches it. */
export async function listener(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = createServer((socket) => {
    count++;
    socket.end('hello from the host\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const SECRETS = { DATABASE_URL: 'mysql://root:hunter2-secret@db/logicode', LOGICODE_API_TOKEN: 'tok-secret-123' };
