/** The worker's plagiarism queue: a teacher's full run, or the incremental check after a Submit is judged. */
export const PLAGIARISM_QUEUE = 'plagiarism';

export type PlagiarismQueueMessage =
  | { kind: 'run'; runId: number }
  | { kind: 'add'; problemId: number; submissionId: number };
