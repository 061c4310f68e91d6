// Entry of the index thread (incremental checks and full runs). It registers tsx itself: a worker
// thread does not inherit the parent's `--import tsx` hooks.
import { register } from 'tsx/esm/api';

register();
await import('./index-body.ts');
