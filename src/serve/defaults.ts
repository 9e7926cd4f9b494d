/** The service's limits when nothing else is configured (a module of its own so `--help` need not load the server). */
export const DEFAULTS = { maxBodyBytes: 5_000_000, timeoutMs: 10_000, maxQueue: 64 } as const;
