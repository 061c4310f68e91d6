import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSubmissionBody, Submission, SubmissionStatus, SubmissionSummary } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export function getSubmission(id: number): Promise<Submission> {
  return api.get<Submission>(`/api/submissions/${id}`);
}

export type SubmitFn = (body: CreateSubmissionBody) => Promise<{ id: number; status: SubmissionStatus }>;

const postSubmission: SubmitFn = (body) => api.post<{ id: number; status: SubmissionStatus }>('/api/submissions', body);

/** POST /api/submissions, or another route that answers the same way (an assessment's problem submissions). */
export function useCreateSubmission(submit: SubmitFn = postSubmission) {
  return useMutation({ mutationFn: submit });
}

export interface SubmissionPage {
  items: SubmissionSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export const submissionHistoryKey = (problemId: number) => ['submissions', 'history', problemId] as const;

export function useSubmissionHistory(problemId: number, enabled: boolean) {
  return useQuery({
    queryKey: submissionHistoryKey(problemId),
    queryFn: () => api.get<SubmissionPage>('/api/submissions', { problemId, pageSize: 30 }),
    enabled,
  });
}

export function useSubmissionDetail(id: number | null) {
  return useQuery({
    queryKey: ['submissions', 'detail', id],
    queryFn: () => getSubmission(id ?? 0),
    enabled: id !== null,
  });
}

/** After a verdict: the history, the list's solved badges, progress and the leaderboard may all have changed. */
export function useInvalidateAfterVerdict() {
  const queryClient = useQueryClient();
  return (problemId: number) => {
    void queryClient.invalidateQueries({ queryKey: submissionHistoryKey(problemId) });
    void queryClient.invalidateQueries({ queryKey: ['problems'] });
    void queryClient.invalidateQueries({ queryKey: ['progress'] });
    void queryClient.invalidateQueries({ queryKey: ['leaderboard'] });
  };
}
