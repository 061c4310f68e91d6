import { rooms } from '@logicode/contracts';
import type { CoreDeps } from '../context.js';
import { emitToRoom } from '../realtime.js';

/** Tells the teachers watching the assessment (room feed:assessment:<id>) to refresh that student's row. */
export async function publishUpdate(deps: CoreDeps, assessmentId: number, userId: number, kind: 'start' | 'open' | 'submission' | 'flag' | 'end'): Promise<void> {
  await emitToRoom(deps.pubsub, rooms.feedAssessment(assessmentId), 'assessment:update', { assessmentId, userId, kind });
}
