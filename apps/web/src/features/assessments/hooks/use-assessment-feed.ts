import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { rooms } from '@logicode/contracts';
import { joinFeed, onConnectionChange, onSocketEvent } from '../../../lib/socket.js';
import { assessmentKeys } from '../api/assessments-api.js';

/**
 * The teacher's live channel for one assessment: joins `feed:assessment:<id>` and, on every 'assessment:update'
 * (a start, an open, a submission, an end) or a flag, refetches the live view and the scoreboard.
 * `live` says whether the room is joined; when it is not, the page falls back to refetching on a timer.
 */
export function useAssessmentFeed(assessmentId: number) {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  const [joined, setJoined] = useState(false);
  useEffect(() => {
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.live(assessmentId) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.scoreboard(assessmentId) });
    };
    const offConn = onConnectionChange(setConnected);
    const feed = joinFeed(rooms.feedAssessment(assessmentId));
    void feed.ready.then(setJoined);
    const offUpdate = onSocketEvent('assessment:update', (p) => p.assessmentId === assessmentId && refresh());
    const offFlag = onSocketEvent('proctor:flag', () => refresh());
    return () => {
      offConn();
      offUpdate();
      offFlag();
      feed.leave();
    };
  }, [assessmentId, queryClient]);
  return { live: connected && joined };
}

/** Re-renders every `everyMs` so countdowns move between fetches. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
