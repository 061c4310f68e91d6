import { z } from 'zod';

/** The languages LogiCode judges. The judge has one file per id (packages/judge/src/languages). */
export const LANGUAGE_IDS = ['c', 'cpp', 'python', 'java', 'javascript'] as const;
export const languageIdSchema = z.enum(LANGUAGE_IDS);
export type LanguageId = z.infer<typeof languageIdSchema>;

export interface LanguageInfo {
  id: LanguageId;
  name: string;
  /** Monaco's language id for highlighting. */
  monacoId: string;
  fileExtension: string;
}

export const LANGUAGES: Record<LanguageId, LanguageInfo> = {
  c: { id: 'c', name: 'C (gcc, C17)', monacoId: 'c', fileExtension: 'c' },
  cpp: { id: 'cpp', name: 'C++ (g++, C++17)', monacoId: 'cpp', fileExtension: 'cpp' },
  python: { id: 'python', name: 'Python 3', monacoId: 'python', fileExtension: 'py' },
  java: { id: 'java', name: 'Java 17', monacoId: 'java', fileExtension: 'java' },
  javascript: { id: 'javascript', name: 'JavaScript (Node.js)', monacoId: 'javascript', fileExtension: 'js' },
};
