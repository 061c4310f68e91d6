import type { Draft, LanguageId } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

const draftUrl = (problemId: number, language: LanguageId) => `/api/drafts/${problemId}/${language}`;

export async function fetchDraft(problemId: number, language: LanguageId): Promise<Draft | null> {
  return (await api.get<{ draft: Draft | null }>(draftUrl(problemId, language))).draft;
}

/** Rejects with ApiError CONFLICT (details.draft = the stored one) when another device saved since baseVersion. */
export async function saveDraft(problemId: number, language: LanguageId, code: string, baseVersion: number): Promise<Draft> {
  const answer = await api.put<{ draft: Draft }>(draftUrl(problemId, language), { code, baseVersion });
  return answer.draft;
}
