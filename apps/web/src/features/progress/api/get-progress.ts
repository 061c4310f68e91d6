import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export interface ProgressBucket {
  solved: number;
  total: number;
}

export interface Progress {
  solvedCount: number;
  totalProblems: number;
  byCategory: (ProgressBucket & { category: string })[];
  byDifficulty: (ProgressBucket & { difficulty: string })[];
  recent: { problemId: number; title: string; solvedAt: string; language?: string }[];
}

export function useProgress() {
  return useQuery({ queryKey: ['progress'], queryFn: () => api.get<Progress>('/api/me/progress') });
}
