import { useQuery } from '@tanstack/react-query';
import type { MyActivity, Progress } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export type { Progress } from '@logicode/contracts';

/** Solved out of total, for one category or difficulty. */
export interface ProgressBucket {
  solved: number;
  total: number;
}

export function useProgress() {
  return useQuery({ queryKey: ['progress'], queryFn: () => api.get<Progress>('/api/me/progress') });
}

/** The caller's Runs and Submits per day over the last year (GET /api/me/activity). */
export function useMyActivity() {
  return useQuery({ queryKey: ['progress', 'activity'], queryFn: () => api.get<MyActivity>('/api/me/activity') });
}
