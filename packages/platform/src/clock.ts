/** The time source. Services take a Clock so that deadlines are decided by the server's clock alone. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
