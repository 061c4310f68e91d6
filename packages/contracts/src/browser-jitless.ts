// Evaluated first (index.ts imports it before any schema is built): in a browser, zod 4 parses without compiling.
// zod probes `new Function('')` when it builds an object schema to decide whether to compile its parsers; under
// the app's Content-Security-Policy (no 'unsafe-eval', apps/api/src/plugins/security-headers.ts) the refused probe
// is reported as a CSP violation in the console on every page load. Jitless parsing is the same parsing without
// the probe. Servers keep the compiled parsers.
import { z } from 'zod';

if ('document' in globalThis) z.config({ jitless: true });
