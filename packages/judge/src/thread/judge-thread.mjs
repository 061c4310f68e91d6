// Entry of the judge thread. It registers tsx itself: a worker thread does not inherit the parent's
// `--import tsx` hooks (the same as the plagiarism index thread).
import { register } from 'tsx/esm/api';

register();
await import('./judge-thread-body.ts');
