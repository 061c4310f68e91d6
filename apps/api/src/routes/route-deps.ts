import type { Runtime } from '@logicode/core';

/** What every route plugin is registered with. */
export interface RouteDeps {
  runtime: Runtime;
}
