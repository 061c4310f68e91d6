// The benchmarks' smoke runs, first half of scripts/bench.mjs's list (helpers/bench-smoke.ts).
import { smokeTestHalf } from './helpers/bench-smoke.js';

smokeTestHalf(0);
