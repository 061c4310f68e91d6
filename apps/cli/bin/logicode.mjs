#!/usr/bin/env node
// Runs the TypeScript CLI in this same process through tsx's loader (no build step), so signals such as
// SIGTERM from a process manager reach the platform's graceful shutdown directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
