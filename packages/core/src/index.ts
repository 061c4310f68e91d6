export type { Actor, CoreConfig, CoreDeps, CoreLog } from './context.js';
export { isStaff } from './context.js';
export { createCore, type Core, type CoreOptions } from './create-core.js';
export type { AccountsService } from './accounts/accounts-service.js';
export type { ProblemsService, ProblemValidator, ProblemValidationFailure } from './problems/problems-service.js';
export { DEMO_ACCOUNTS, ensureAdmin, seedDemo, type SeedReport } from './seed/seed-demo.js';
export { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
export { emitToRoom, SOCKET_EMIT_CHANNEL, type SocketEmitMessage } from './realtime.js';
