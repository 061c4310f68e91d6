import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { rooms, type ActiveSession, type DashboardStats } from '@logicode/contracts';
import { useUser } from '../../../lib/auth.js';
import { joinFeed, onConnectionChange, onSocketEvent } from '../../../lib/socket.js';
import { teacherKeys, type TeacherEvent } from '../api/teacher-api.js';

export interface FeedItem {
  key: string;
  at: number;
  kind: 'event' | 'flag' | 'session' | 'submission';
  text: string;
  severity: string;
  userId: number;
  attemptId: number | null;
  event?: TeacherEvent;
}

const MAX_ITEMS = 60;

const COUNTER_OF: Partial<Record<string, 'tabHidden' | 'paste' | 'copy' | 'rightClick' | 'devtools' | 'fullscreenExit'>> = {
  tab_hidden: 'tabHidden', paste: 'paste', copy: 'copy', right_click: 'rightClick', devtools_shortcut: 'devtools', fullscreen_exit: 'fullscreenExit',
};

const EVENT_TEXT: Record<string, (d: Record<string, unknown>) => string> = {
  tab_hidden: () => 'left the tab',
  tab_visible: (d) => `came back to the tab${typeof d.hiddenMs === 'number' ? ` after ${Math.round(d.hiddenMs / 1000)} s` : ''}`,
  window_blur: () => 'switched to another window',
  window_focus: () => 'came back to the window',
  paste: (d) => `pasted ${String(d.length)} characters (${String(d.place)})`,
  copy: (d) => `copied ${String(d.length)} characters (${String(d.place)})`,
  cut: (d) => `cut ${String(d.length)} characters (${String(d.place)})`,
  right_click: (d) => `right-clicked (${String(d.place)})`,
  devtools_shortcut: (d) => `pressed a developer-tools shortcut (${String(d.key)})`,
  fullscreen_exit: () => 'left fullscreen',
  fullscreen_enter: () => 'entered fullscreen',
  idle_start: () => 'went idle',
  idle_end: (d) => `was idle for ${Math.round(Number(d.idleMs) / 1000)} s`,
  code_snapshot: () => 'saved a code snapshot',
};

export function describeEvent(type: string, data: Record<string, unknown>): string {
  return EVENT_TEXT[type]?.(data) ?? type.replace(/_/g, ' ');
}

/** "Alice Chen · Two Sum": who and which problem a feed line is about (older servers sent no names). */
export function whoAndWhat(userName: string | undefined, problemTitle: string | undefined, userId: number): string {
  const who = userName || `Student #${userId}`;
  return problemTitle ? `${who} · ${problemTitle}` : who;
}

/**
 * Joins the first room of the list the server allows, re-joining on reconnect. The dashboard asks for feed:all
 * first (an admin's, or any teacher's with TEACHER_SCOPE=all) and otherwise the teacher's own feed:teacher:<id>,
 * which carries the events of the students of their classes (docs/access.md).
 */
function joinFirst(candidates: string[]): { ready: Promise<boolean>; leave: () => void } {
  let current: { ready: Promise<boolean>; leave: () => void } | null = null;
  let left = false;
  const ready = (async () => {
    for (const candidate of candidates) {
      if (left) return false;
      const attempt = joinFeed(candidate);
      current = attempt;
      if (await attempt.ready) return true;
      attempt.leave();
    }
    return false;
  })();
  return { ready, leave: () => { left = true; current?.leave(); } };
}

/**
 * The teacher's live view: joins the feed room and folds pushed events into the feed list and the cached
 * queries (sessions, stats), so nothing is polled. Without `room`: the signed-in teacher's dashboard feed.
 */
export function useLiveFeed(room?: string) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<FeedItem[]>([]);
  const [connected, setConnected] = useState(false);
  const [joined, setJoined] = useState(false);
  const me = useUser().data;
  const meId = me?.id;
  const meRole = me?.role;

  useEffect(() => {
    if (room === undefined && meId === undefined) return undefined;
    const candidates = room !== undefined ? [room] : meRole === 'admin' ? [rooms.feedAll()] : [rooms.feedAll(), rooms.feedTeacher(meId!)];
    const add = (item: FeedItem) => setItems((prev) => [item, ...prev.filter((p) => p.key !== item.key)].slice(0, MAX_ITEMS));
    const bumpStats = (patch: (s: DashboardStats) => DashboardStats) =>
      queryClient.setQueryData<DashboardStats>(teacherKeys.stats, (s) => (s ? patch(s) : s));
    const offConn = onConnectionChange(setConnected);
    const feed = joinFirst(candidates);
    void feed.ready.then(setJoined);
    const offs = [
      onSocketEvent('proctor:event', ({ event, userName, problemTitle }) => {
        add({ key: event.id, at: event.clientTsMs, kind: 'event', severity: event.severity, userId: event.userId, attemptId: event.attemptId,
          text: `${userName} ${describeEvent(event.type, event.data)}${problemTitle ? ` · ${problemTitle}` : ''}`, event: { ...event, userName } });
        bumpStats((s) => ({ ...s, eventsToday: s.eventsToday + 1 }));
        void queryClient.invalidateQueries({ queryKey: ['teacher', 'events'] });
        // Counters arrive authoritative with each flag; until then, count what the feed shows.
        const bump = COUNTER_OF[event.type];
        queryClient.setQueryData<ActiveSession[]>(teacherKeys.sessions, (list) => list?.map((a) =>
          a.id === event.attemptId ? { ...a, lastHeartbeatAt: new Date().toISOString(), counters: bump ? { ...a.counters, [bump]: a.counters[bump] + 1 } : a.counters } : a));
      }),
      onSocketEvent('proctor:flag', ({ flag, counters, userName, problemTitle }) => {
        add({ key: `flag-${flag.id}-${flag.status}`, at: Date.now(), kind: 'flag', severity: flag.severity, userId: flag.userId, attemptId: flag.attemptId,
          text: `Flag · ${whoAndWhat(userName, problemTitle, flag.userId)}: ${flag.reason}${flag.status === 'cleared' ? ' (cleared)' : ''}` });
        queryClient.setQueryData<ActiveSession[]>(teacherKeys.sessions, (list) =>
          list?.map((a) => (a.id === flag.attemptId ? { ...a, counters: counters ?? a.counters, openFlags: a.openFlags + (flag.status === 'open' ? 1 : 0) } : a)));
        void queryClient.invalidateQueries({ queryKey: ['teacher', 'flags'] });
        void queryClient.invalidateQueries({ queryKey: teacherKeys.stats });
      }),
      onSocketEvent('session:start', ({ attempt, userName, problemTitle }) => {
        add({ key: `start-${attempt.id}`, at: Date.now(), kind: 'session', severity: 'info', userId: attempt.userId, attemptId: attempt.id,
          text: `${userName} started ${problemTitle}` });
        void queryClient.invalidateQueries({ queryKey: teacherKeys.sessions });
        void queryClient.invalidateQueries({ queryKey: teacherKeys.stats });
      }),
      onSocketEvent('session:end', ({ attempt, userName, problemTitle }) => {
        add({ key: `end-${attempt.id}`, at: Date.now(), kind: 'session', severity: 'info', userId: attempt.userId, attemptId: attempt.id,
          text: `${whoAndWhat(userName, problemTitle, attempt.userId)}: attempt ended (${attempt.endReason ?? 'left'})` });
        queryClient.setQueryData<ActiveSession[]>(teacherKeys.sessions, (list) => list?.filter((a) => a.id !== attempt.id));
        void queryClient.invalidateQueries({ queryKey: teacherKeys.stats });
      }),
      // A Run or Submit appears when made; its verdict replaces the line (same key) when judged.
      onSocketEvent('submission:made', (s) => {
        add({ key: `sub-${s.submissionId}`, at: Date.now(), kind: 'submission', severity: 'info', userId: s.userId, attemptId: s.attemptId,
          text: `${s.userName} ${s.mode === 'run' ? 'ran' : 'submitted'} ${s.problemTitle}${s.autoSubmitted ? ' (submitted automatically at the deadline)' : ''} · judging…` });
        void queryClient.invalidateQueries({ queryKey: ['teacher', 'submissions'] });
      }),
      onSocketEvent('submission:judged', (s) => {
        const score = s.score === null ? '' : ` (${s.score}%)`;
        add({ key: `sub-${s.submissionId}`, at: Date.now(), kind: 'submission', severity: s.verdict === 'AC' ? 'info' : 'low', userId: s.userId, attemptId: s.attemptId,
          text: `${s.userName} ${s.mode === 'run' ? 'ran' : 'submitted'} ${s.problemTitle}${s.autoSubmitted ? ' (at the deadline)' : ''}: ${s.verdict ?? 'no verdict'}${score}` });
        void queryClient.invalidateQueries({ queryKey: ['teacher', 'submissions'] });
      }),
    ];
    return () => {
      offConn();
      feed.leave();
      offs.forEach((off) => off());
    };
  }, [queryClient, room, meId, meRole]);

  return { items, connected, joined };
}
