import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProblemSummary, Submission, SubmissionSummary, Verdict } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export type TeacherSubmission = SubmissionSummary & { userName: string; problemTitle: string };

export interface SubmissionFilters {
  problemId?: number;
  verdict?: Verdict;
  mode?: 'run' | 'submit';
}

/** Everyone's submissions, newest first (GET /api/teacher/submissions). */
export function useTeacherSubmissions(filters: SubmissionFilters, page: number) {
  return useQuery({
    queryKey: ['teacher', 'submissions', filters, page],
    queryFn: () => api.get<{ items: TeacherSubmission[]; page: number; pageSize: number; total: number }>('/api/teacher/submissions', { ...filters, page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
}

/** One submission with its code and per-test results. */
export function useSubmissionDetail(id: number | null) {
  return useQuery({ queryKey: ['teacher', 'submission', id], queryFn: () => api.get<Submission>(`/api/submissions/${id}`), enabled: id !== null });
}

/** Problem titles for the filter. */
export function useProblemOptions() {
  return useQuery({
    queryKey: ['teacher', 'problem-options'],
    queryFn: () => api.get<{ items: ProblemSummary[] }>('/api/problems', { pageSize: 100, sort: 'title' }).then((r) => r.items),
    staleTime: 60_000,
  });
}
