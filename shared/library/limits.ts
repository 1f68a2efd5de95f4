/** Largest saved run: the JSON of its per-round metrics. */
export const MAX_RUN_BYTES = 5 * 1024 * 1024;
/** Largest HTTP request body the API reads: one run plus its envelope. */
export const MAX_REQUEST_BYTES = MAX_RUN_BYTES + 256 * 1024;
/** Rounds 1..1000 plus round 0 (the initial model), as experimentSchema allows at most 1,000 rounds. */
export const MAX_ROUNDS = 1_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_NOTES_LENGTH = 10_000;
export const MAX_QUERY_LENGTH = 200;
/** Compare overlays 2 to 4 runs. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
