import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0050 from './0050-proctoring-extras.js';
import * as m0070 from './0070-plagiarism.js';
import * as m0090assessments from './0090-assessments.js';
import * as m0095 from './0095-folded-seq.js';
import * as m0100 from './0100-ingest-keys.js';
import * as m0105 from './0105-session-epochs.js';
import * as m0110 from './0110-attempt-integrity.js';
import * as m0140 from './0140-problem-archive.js';
import * as m0150 from './0150-account-recovery.js';
import * as m0200 from './0200-drafts.js';
import * as m0201 from './0201-custom-expected-output.js';
import * as m0220 from './0220-student-detail-indexes.js';
import * as m0180 from './0180-problem-validators.js';
import * as m0181 from './0181-submission-groups.js';
import * as m0190 from './0190-problem-packages.js';

/** Every migration, in order. Add a file and a line; never edit a released one. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0050-proctoring-extras': m0050,
  '0070-plagiarism': m0070,
  '0090-assessments': m0090assessments,
  '0095-folded-seq': m0095,
  '0100-ingest-keys': m0100,
  '0105-session-epochs': m0105,
  '0110-attempt-integrity': m0110,
  '0140-problem-archive': m0140,
  '0150-account-recovery': m0150,
  '0180-problem-validators': m0180,
  '0181-submission-groups': m0181,
  '0190-problem-packages': m0190,
  '0200-drafts': m0200,
  '0201-custom-expected-output': m0201,
  '0220-student-detail-indexes': m0220,
};
