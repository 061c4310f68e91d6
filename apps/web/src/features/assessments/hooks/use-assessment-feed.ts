import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { rooms } from '@logicode/contracts';
import { joinFeed, onConnectionChange, onSocketEvent } from '../../../lib/socket.js';
import { assessmentKeys } from '../api/assessments-api.js';

/** One line of the live view's activity: who did what on which problem ("Alice Chen submitted Two Sum: AC"). */
export interface ActivityLine {
  key: string;
  atMs: number;
  text: string;
}

const MAX_ACTIVITY = 30;

/**
 * The teacher's live channel for one assessment: joins `feed:assessment:<id>` and, on every 'assessment:update'
 * (a start, an open, a submission, an end) or a flag, refetches the live view and the scoreboard.
 * `live` says whether the room is joined; when it is not, the page falls back to refetching on a timer.
 * `activity`: the assessment's Runs and Submits (made, then judged) and flags as they arrive, newest first, named.
 */
export function useAssessmentFeed(assessmentId: number) {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  const [joined, setJoined] = useState(false);
  const [activity, setActivity] = useState<ActivityLine[]>([]);
  useEffect(() => {
    const add = (line: ActivityLine) => setActivity((prev) => [line, ...prev.filter((p) => p.key !== line.key)].slice(0, MAX_ACTIVITY));
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.live(assessmentId) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.scoreboard(assessmentId) });
    };
    const offConn = onConnectionChange(setConnected);
    const feed = joinFeed(rooms.feedAssessment(assessmentId));
    void feed.ready.then(setJoined);
    const offUpdate = onSocketEvent('assessment:update', (p) => p.assessmentId === assessmentId && refresh());
    const offFlag = onSocketEvent('proctor:flag', ({ flag, userName, problemTitle }) => {
      refresh();
      if (userName) add({ key: `flag-${flag.id}-${flag.status}`, atMs: Date.now(), text: `Flag · ${userName}${problemTitle ? ` · ${problemTitle}` : ''}: ${flag.reason}` });
    });
    const verb = (mode: 'run' | 'submit') => (mode === 'run' ? 'ran' : 'submitted');
    const offMade = onSocketEvent('submission:made', (p) => {
      if (p.assessmentId !== assessmentId) return;
      add({ key: `sub-${p.submissionId}`, atMs: Date.now(), text: `${p.userName} ${verb(p.mode)} ${p.problemTitle}${p.autoSubmitted ? ' (at the deadline)' : ''} · judging…` });
    });
    const offJudged = onSocketEvent('submission:judged', (p) => {
      if (p.assessmentId !== assessmentId) return;
      add({ key: `sub-${p.submissionId}`, atMs: Date.now(), text: `${p.userName} ${verb(p.mode)} ${p.problemTitle}${p.autoSubmitted ? ' (at the deadline)' : ''}: ${p.verdict ?? 'no verdict'}${p.score === null ? '' : ` (${p.score}%)`}` });
    });
    return () => {
      offConn();
      offUpdate();
      offFlag();
      offMade();
      offJudged();
      feed.leave();
    };
  }, [assessmentId, queryClient]);
  return { live: connected && joined, activity };
}
