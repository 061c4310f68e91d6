import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClassProgress, ClassRoster, ClassSummary, CreateClassBody, InviteResult } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export const classKeys = {
  all: ['classes'] as const,
  list: ['classes', 'list'] as const,
  roster: (id: number) => ['classes', 'roster', id] as const,
};

/** Teacher: own classes; admin: all; student: the classes they belong to (GET /api/classes). */
export function useClasses() {
  return useQuery({ queryKey: classKeys.list, queryFn: () => api.get<{ items: ClassSummary[] }>('/api/classes').then((r) => r.items) });
}

export function useClassRoster(id: number) {
  return useQuery({ queryKey: classKeys.roster(id), queryFn: () => api.get<ClassRoster>(`/api/classes/${id}`) });
}

/** Problems solved per day by the class's students (GET /api/classes/:id/progress). */
export function useClassProgress(id: number, days = 60) {
  return useQuery({ queryKey: ['classes', 'progress', id, days], queryFn: () => api.get<ClassProgress>(`/api/classes/${id}/progress`, { days }) });
}

export function useCreateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClassBody) => api.post<ClassSummary>('/api/classes', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: classKeys.all }),
  });
}

export function useInvite(classId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (emails: string[]) => api.post<InviteResult>(`/api/classes/${classId}/invites`, { emails }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: classKeys.all }),
  });
}

export function useRemoveStudent(classId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => api.delete<{ ok: true }>(`/api/classes/${classId}/students/${userId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: classKeys.all }),
  });
}

/** Student: join by the class's code. Their assessments list changes too. */
export function useJoinClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<ClassSummary>('/api/classes/join', { code }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: classKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['assessments'] });
    },
  });
}
