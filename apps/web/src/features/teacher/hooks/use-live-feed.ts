import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { rooms, type ActiveSession, type DashboardStats } from '@logicode/contracts';
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

/**
 * The teacher's live view: joins the feed room and folds pushed events into the feed list and the cached
 * queries (sessions, stats), so nothing is polled.
 */
export function useLiveFeed(room: string = rooms.feedAll()) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<FeedItem[]>([]);
  const [connected, setConnected] = useState(false);
  const [joined, setJoined] = useState(false);

  useEffect(() => {
    const add = (item: FeedItem) => setItems((prev) => [item, ...prev.filter((p) => p.key !== item.key)].slice(0, MAX_ITEMS));
    const bumpStats = (patch: (s: DashboardStats) => DashboardStats) =>
      queryClient.setQueryData<DashboardStats>(teacherKeys.stats, (s) => (s ? patch(s) : s));
    const offConn = onConnectionChange(setConnected);
    const feed = joinFeed(room);
    void feed.ready.then(setJoined);
    const offs = [
      onSocketEvent('proctor:event', ({ event, userName }) => {
        add({ key: event.id, at: event.clientTsMs, kind: 'event', severity: event.severity, userId: event.userId, attemptId: event.attemptId,
          text: `${userName} ${describeEvent(event.type, event.data)}`, event: { ...event, userName } });
        bumpStats((s) => ({ ...s, eventsToday: s.eventsToday + 1 }));
        void queryClient.invalidateQueries({ queryKey: ['teacher', 'events'] });
        // Counters arrive authoritative with each flag; until then, count what the feed shows.
        const bump = COUNTER_OF[event.type];
        queryClient.setQueryData<ActiveSession[]>(teacherKeys.sessions, (list) => list?.map((a) =>
          a.id === event.attemptId ? { ...a, lastHeartbeatAt: new Date().toISOString(), counters: bump ? { ...a.counters, [bump]: a.counters[bump] + 1 } : a.counters } : a));
      }),
      onSocketEvent('proctor:flag', ({ flag, counters }) => {
        add({ key: `flag-${flag.id}-${flag.status}`, at: Date.now(), kind: 'flag', severity: flag.severity, userId: flag.userId, attemptId: flag.attemptId,
          text: `Flag: ${flag.reason}${flag.status === 'cleared' ? ' (cleared)' : ''}` });
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
      onSocketEvent('session:end', ({ attempt }) => {
        add({ key: `end-${attempt.id}`, at: Date.now(), kind: 'session', severity: 'info', userId: attempt.userId, attemptId: attempt.id,
          text: `An attempt ended (${attempt.endReason ?? 'left'})` });
        queryClient.setQueryData<ActiveSession[]>(teacherKeys.sessions, (list) => list?.filter((a) => a.id !== attempt.id));
        void queryClient.invalidateQueries({ queryKey: teacherKeys.stats });
      }),
      onSocketEvent('submission:made', (s) => {
        add({ key: `sub-${s.submissionId}`, at: Date.now(), kind: 'submission', severity: 'info', userId: s.userId, attemptId: s.attemptId,
          text: `Submission #${s.submissionId}${s.autoSubmitted ? ' (submitted automatically at the deadline)' : ''}` });
      }),
    ];
    return () => {
      offConn();
      feed.leave();
      offs.forEach((off) => off());
    };
  }, [queryClient, room]);

  return { items, connected, joined };
}
