import { randomUUID } from 'node:crypto';
import type { ProctorEventInput } from '@logicode/contracts';

export const NOW_MS = Date.UTC(2026, 10, 29, 12, 0, 0);

type DataOf<T extends ProctorEventInput['type']> = Extract<ProctorEventInput, { type: T }>['data'];

export function ev<T extends ProctorEventInput['type']>(type: T, data: DataOf<T>, offsetMs = 0): ProctorEventInput {
  return { id: randomUUID(), clientTsMs: NOW_MS + offsetMs, problemId: 7, attemptId: 3, type, data } as ProctorEventInput;
}
