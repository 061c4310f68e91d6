import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActiveSession, Assessment, AttemptTimelineView, ClassSummary, DashboardStats, FlagBulkReviewBody, FlagBulkReviewResult, FlagListItem, FlagReviewBody, ProblemSettingsView, ProctorFlag, ProctorSettings,
  ProctorEventRecord, ProctorSeverity, ProctorEventType, StudentDetail,
} from '@logicode/contracts';
import type { StudentsPage, StudentSortKey } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export type TeacherEvent = ProctorEventRecord & { userName: string };

export const teacherKeys = {
  stats: ['teacher', 'stats'] as const,
  sessions: ['teacher', 'sessions'] as const,
  events: (filters: object) => ['teacher', 'events', filters] as const,
  student: (id: number) => ['teacher', 'student', id] as const,
  students: (query: StudentsQueryParams) => ['teacher', 'students', query] as const,
  timeline: (id: number) => ['teacher', 'timeline', id] as const,
  flags: (status: string, filters: FlagFilters = {}) => ['teacher', 'flags', status, filters] as const,
};

export function useDashboardStats() {
  return useQuery({ queryKey: teacherKeys.stats, queryFn: () => api.get<DashboardStats>('/api/teacher/dashboard') });
}

export function useActiveSessions() {
  return useQuery({ queryKey: teacherKeys.sessions, queryFn: () => api.get<{ items: ActiveSession[] }>('/api/teacher/sessions').then((r) => r.items) });
}

export interface EventFilters {
  type?: ProctorEventType;
  minSeverity?: ProctorSeverity;
  userId?: number;
}

export function useEvents(filters: EventFilters) {
  return useInfiniteQuery({
    queryKey: teacherKeys.events(filters),
    queryFn: ({ pageParam }) =>
      api.get<{ items: TeacherEvent[]; nextCursor: string | null }>('/api/teacher/events', { ...filters, limit: 50, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One row of the students table (GET /api/teacher/students). */
export type { StudentRow } from '@logicode/contracts';

export interface StudentsQueryParams {
  q?: string;
  sort: StudentSortKey;
  dir: 'asc' | 'desc';
  page: number;
}

/** One page of the class, searched and sorted by the server (50 rows; the previous page stays shown while the next loads). */
export function useStudents(query: StudentsQueryParams) {
  return useQuery({
    queryKey: teacherKeys.students(query),
    queryFn: () => api.get<StudentsPage>('/api/teacher/students', { ...query, q: query.q || undefined, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
}

export function useStudent(id: number) {
  // The newest attempts first; "Show older attempts" fetches the next slice with the cursor.
  return useInfiniteQuery({
    queryKey: teacherKeys.student(id),
    queryFn: ({ pageParam }) => api.get<StudentDetail>(`/api/teacher/students/${id}`, { attemptsBefore: pageParam ?? undefined }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextAttemptsCursor,
  });
}

export function useTimeline(attemptId: number) {
  return useQuery({ queryKey: teacherKeys.timeline(attemptId), queryFn: () => api.get<AttemptTimelineView>(`/api/teacher/attempts/${attemptId}/timeline`) });
}

/** Narrow the flags to one of the teacher's classes or assessments (the server checks they are the teacher's). */
export interface FlagFilters { classId?: number; assessmentId?: number }

export function useFlags(status: 'open' | 'cleared', filters: FlagFilters = {}) {
  return useQuery({
    queryKey: teacherKeys.flags(status, filters),
    queryFn: () => api.get<{ items: FlagListItem[] }>('/api/teacher/flags', { status, limit: 100, ...filters }).then((r) => r.items),
  });
}

/** One note for many flags: each is cleared/reopened/annotated and audited on its own. */
export function useBulkReviewFlags() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FlagBulkReviewBody) => api.patch<FlagBulkReviewResult>('/api/teacher/flags', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['teacher'] }),
  });
}

/** The teacher's classes and assessments, for the filters (GET /api/classes, GET /api/assessments). */
export function useFilterOptions() {
  const classes = useQuery({ queryKey: ['teacher', 'filter-classes'], queryFn: () => api.get<{ items: ClassSummary[] }>('/api/classes').then((r) => r.items) });
  const assessments = useQuery({ queryKey: ['teacher', 'filter-assessments'], queryFn: () => api.get<{ items: Assessment[] }>('/api/assessments').then((r) => r.items) });
  return { classes: classes.data ?? [], assessments: assessments.data ?? [] };
}

export function useReviewFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: FlagReviewBody }) => api.patch<ProctorFlag>(`/api/teacher/flags/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['teacher'] }),
  });
}

export function useGlobalSettings() {
  return useQuery({ queryKey: ['teacher', 'settings', 'global'], queryFn: () => api.get<ProctorSettings>('/api/teacher/proctor-settings') });
}

export function useSaveGlobalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProctorSettings) => api.put<ProctorSettings>('/api/teacher/proctor-settings', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['teacher', 'settings'] }),
  });
}

export function useProblemSettings(problemId: number | null) {
  return useQuery({
    queryKey: ['teacher', 'settings', 'problem', problemId],
    queryFn: () => api.get<ProblemSettingsView>(`/api/teacher/problems/${problemId}/proctor-settings`),
    enabled: problemId !== null,
  });
}

export function useSaveProblemSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ problemId, override }: { problemId: number; override: ProctorSettings | null }) =>
      api.put<ProblemSettingsView>(`/api/teacher/problems/${problemId}/proctor-settings`, { override }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['teacher', 'settings'] }),
  });
}

/** For the settings page's problem picker. */
export function useProblemOptions() {
  return useQuery({
    queryKey: ['problems', 'options'],
    queryFn: () => api.get<{ items: { id: number; title: string }[] }>('/api/problems', { pageSize: 100 }).then((r) => r.items),
  });
}
