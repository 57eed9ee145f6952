// Time and randomness are injected so tests and the engine replay exactly.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
