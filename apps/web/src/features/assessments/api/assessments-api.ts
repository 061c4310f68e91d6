import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Accommodation, Assessment, AssessmentBody, AssessmentLive, PlagiarismPairSummary, ScoreAdjustment, ScoreAdjustmentBody,
  Scoreboard, StudentAttemptDetail,
} from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

/** The teacher's assessment routes (apps/api: /api/assessments…). */
export const assessmentKeys = {
  all: ['assessments'] as const,
  list: (classId: number | null) => ['assessments', 'list', classId] as const,
  one: (id: number) => ['assessments', 'one', id] as const,
  live: (id: number) => ['assessments', 'live', id] as const,
  student: (id: number, userId: number) => ['assessments', 'student', id, userId] as const,
  scoreboard: (id: number) => ['assessments', 'scoreboard', id] as const,
  plagiarism: (id: number) => ['assessments', 'plagiarism', id] as const,
};

export const csvExportUrl = (id: number) => `/api/assessments/${id}/export.csv`;

export function useAssessments(classId: number | null = null) {
  return useQuery({
    queryKey: assessmentKeys.list(classId),
    queryFn: () => api.get<{ items: Assessment[] }>('/api/assessments', { classId }).then((r) => r.items),
  });
}

export function useAssessment(id: number | null) {
  return useQuery({ queryKey: assessmentKeys.one(id ?? 0), queryFn: () => api.get<Assessment>(`/api/assessments/${id}`), enabled: id !== null });
}

/** Create (no id) or replace a draft; the cached assessment is replaced by the answer. */
export function useSaveAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: AssessmentBody }) =>
      id === null ? api.post<Assessment>('/api/assessments', body) : api.put<Assessment>(`/api/assessments/${id}`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(assessmentKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
}

/** publish (draft → published) or close (published → closed, running attempts end). */
export function useAssessmentAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'publish' | 'close' }) => api.post<Assessment>(`/api/assessments/${id}/${action}`),
    onSuccess: (saved) => {
      queryClient.setQueryData(assessmentKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
}

export function useSaveAccommodations(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accommodations: Accommodation[]) => api.put<Assessment>(`/api/assessments/${id}/accommodations`, { accommodations }),
    onSuccess: (saved) => {
      queryClient.setQueryData(assessmentKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
}

export function useAssessmentLive(id: number, options: { refetchIntervalMs: number | false }) {
  return useQuery({
    queryKey: assessmentKeys.live(id),
    queryFn: () => api.get<AssessmentLive>(`/api/assessments/${id}/live`),
    refetchInterval: options.refetchIntervalMs,
  });
}

export function useStudentAttempt(id: number, userId: number) {
  return useQuery({
    queryKey: assessmentKeys.student(id, userId),
    queryFn: () => api.get<StudentAttemptDetail>(`/api/assessments/${id}/students/${userId}`),
  });
}

export function useScoreboard(id: number) {
  return useQuery({ queryKey: assessmentKeys.scoreboard(id), queryFn: () => api.get<Scoreboard>(`/api/assessments/${id}/scoreboard`) });
}

export function useAdjustScore(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoreAdjustmentBody) => api.post<ScoreAdjustment>(`/api/assessments/${id}/adjustments`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

export function useAssessmentPlagiarism(id: number) {
  return useQuery({
    queryKey: assessmentKeys.plagiarism(id),
    queryFn: () => api.get<{ items: PlagiarismPairSummary[] }>(`/api/assessments/${id}/plagiarism`).then((r) => r.items),
  });
}

/** Problems a teacher may put in an assessment (the catalog, titles and difficulty). */
export function useProblemCatalog() {
  return useQuery({
    queryKey: ['problems', 'catalog-options'],
    queryFn: () => api.get<{ items: { id: number; title: string; difficulty: string }[] }>('/api/problems', { pageSize: 100, sort: 'title' }).then((r) => r.items),
    staleTime: 60_000,
  });
}
