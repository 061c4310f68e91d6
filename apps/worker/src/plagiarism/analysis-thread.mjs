// Entry of the analysis thread. A worker thread does not inherit the parent's `--import tsx` hooks, so it
// registers tsx itself before loading the TypeScript body (see analyze-in-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./analysis-body.ts');
