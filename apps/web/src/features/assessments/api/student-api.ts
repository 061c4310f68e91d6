import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentAttempt, AssessmentSubmissionBody, OpenAssessmentProblemResponse, StudentAssessment, SubmissionStatus,
} from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

/** The student's assessment routes. Every answer carries the server's clock (serverNowMs). */
export const studentAssessmentKeys = {
  mine: ['assessments', 'mine'] as const,
  one: (id: number) => ['assessments', 'student-view', id] as const,
  attempt: (id: number) => ['assessments', 'attempt', id] as const,
  open: (id: number, problemId: number) => ['assessments', 'open', id, problemId] as const,
};

export function useMyAssessments() {
  return useQuery({
    queryKey: studentAssessmentKeys.mine,
    queryFn: () => api.get<{ items: StudentAssessment[]; serverNowMs: number }>('/api/assessments/mine'),
    // An upcoming assessment opens while the list is on screen: look again now and then.
    refetchInterval: 30_000,
  });
}

export function useStudentAssessment(id: number) {
  return useQuery({ queryKey: studentAssessmentKeys.one(id), queryFn: () => api.get<StudentAssessment>(`/api/assessments/${id}/student`) });
}

export function useMyAttempt(id: number, enabled: boolean) {
  return useQuery({
    queryKey: studentAssessmentKeys.attempt(id),
    queryFn: () => api.get<AssessmentAttempt>(`/api/assessments/${id}/attempt`),
    enabled,
    // The teacher may close the assessment early or add time: the attempt is re-read every half minute.
    refetchInterval: 30_000,
  });
}

function useAttemptMutation(id: number, fn: () => Promise<AssessmentAttempt>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (attempt) => {
      queryClient.setQueryData(studentAssessmentKeys.attempt(id), attempt);
      void queryClient.invalidateQueries({ queryKey: studentAssessmentKeys.one(id) });
      void queryClient.invalidateQueries({ queryKey: studentAssessmentKeys.mine });
    },
  });
}

/** Starts the clock (after the consent notice); a second call answers with the same attempt. */
export function useStartAssessment(id: number) {
  return useAttemptMutation(id, () => api.post<AssessmentAttempt>(`/api/assessments/${id}/start`, { consent: true }));
}

/** Hands in early: the attempt ends and the latest code of each problem is submitted. */
export function useFinishAssessment(id: number) {
  return useAttemptMutation(id, () => api.post<AssessmentAttempt>(`/api/assessments/${id}/finish`));
}

/**
 * Opens (or resumes) one problem: its statement and its proctoring session. Kept while the problem is on screen and
 * dropped when the student moves on, so coming back opens it again: the server reactivates a session that timed out
 * while the student was elsewhere.
 */
export function useOpenProblem(id: number, problemId: number | null) {
  return useQuery({
    queryKey: studentAssessmentKeys.open(id, problemId ?? 0),
    queryFn: () => api.post<OpenAssessmentProblemResponse>(`/api/assessments/${id}/problems/${problemId}/open`),
    enabled: problemId !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

export function submitToAssessment(id: number, problemId: number, body: AssessmentSubmissionBody) {
  return api.post<{ id: number; status: SubmissionStatus }>(`/api/assessments/${id}/problems/${problemId}/submissions`, body);
}
