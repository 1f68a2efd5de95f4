// Chart updates take turns. recharts 3 keeps a redux store per chart that re-renders the chart synchronously in an
// animation frame after new data; when several charts get new data together, those frames merge into one long
// main-thread task. The queue hands new data to one chart at a time and waits for its frames to pass before the next.

interface Job {
  key: object;
  run: (done: () => void) => void;
}

const queue: Job[] = [];
let busy = false;

/** Longest wait for a chart to report its update (e.g. it unmounted): the queue never stalls. */
const STALL_MS = 1_000;

/**
 * Two frames (the chart's own frame work cascades through them), then the next idle period: the chart has settled
 * before the next one starts. A timer stands in when frames or idle periods do not come (hidden tab).
 */
function afterFrames(fn: () => void): void {
  let fired = false;
  const go = () => {
    if (fired) return;
    fired = true;
    fn();
  };
  requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(go, { timeout: 200 })));
  setTimeout(go, 500);
}

/** True while a chart is taking or settling an update (its synchronous follow-up render may still be to come). */
export function chartsSettling(): boolean {
  return busy;
}

function pump(): void {
  if (busy) return;
  const job = queue.shift();
  if (!job) return;
  busy = true;
  let finished = false;
  const done = () => {
    if (finished) return;
    finished = true;
    afterFrames(() => {
      busy = false;
      pump();
    });
  };
  setTimeout(done, STALL_MS);
  job.run(done);
}

/**
 * Queues `run` for `key`, replacing a job of the same key that has not started (only the latest data matters).
 * `run` must call `done` once its update is committed. Returns a function that drops the job if not started yet.
 */
export function enqueueChartUpdate(key: object, run: (done: () => void) => void): () => void {
  const job: Job = { key, run };
  const index = queue.findIndex((j) => j.key === key);
  if (index >= 0) queue[index] = job;
  else queue.push(job);
  pump();
  return () => {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
  };
}
