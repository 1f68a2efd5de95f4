// Fault injection in the studio (issue 12): a client worker that crashes while it trains, and one that closes without
// a word. Each round completes with the client retried on a fresh worker, the accuracies equal a fault-free run's,
// the round notes say what happened, and the next run starts without a reload.
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { loadPreset, openStudio, roundAccuracies, runToEnd, setNumber } from './studio';

const ROUNDS = 4;

/** The studio's live client workers (nested in the coordinator worker, which is named). */
async function clientWorkers(page: Page): Promise<Worker[]> {
  const named = await Promise.all(
    page.workers().map(async (w) => ({ w, name: await w.evaluate(() => self.name).catch(() => 'gone') })),
  );
  return named.filter(({ name }) => name === '').map(({ w }) => w);
}

/**
 * Arms `worker` to fail when it receives its train call for `round`: it stops answering and then either throws
 * outside any call (an uncaught error: the pool hears an error event) or closes itself (no event at all).
 */
async function armFault(worker: Worker, round: number, fault: 'crash' | 'close'): Promise<void> {
  await worker.evaluate(
    ({ round, fault }) => {
      self.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as { path?: string[]; argumentList?: { value?: { round?: number } }[] };
        if (data?.path?.[0] !== 'train' || data.argumentList?.[0]?.value?.round !== round) return;
        self.postMessage = () => {};
        if (fault === 'close') self.close();
        else
          setTimeout(() => {
            throw new Error('injected crash while training');
          });
      });
    },
    { round, fault },
  );
}

test('crashed and silently closed client workers are replaced: same accuracies, and the next run starts at once', async ({
  page,
}) => {
  await openStudio(page);
  await loadPreset(page, 'moons-drift');
  await setNumber(page, 'rounds', ROUNDS);
  await runToEnd(page);
  const faultFree = await roundAccuracies(page, ROUNDS);

  // Every client worker crashes on its train call of round 2 (the fresh workers that replace them do not).
  const notes = page.getByTestId('round-notes');
  const workers = await clientWorkers(page);
  expect(workers.length).toBeGreaterThan(0);
  for (const worker of workers) await armFault(worker, 2, 'crash');
  await runToEnd(page);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-end-reason', 'completed');
  expect(await roundAccuracies(page, ROUNDS)).toEqual(faultFree);
  await expect(notes.locator('[data-round="2"]')).toContainText(/retried on a fresh worker \(.*injected crash while training/);

  // Now every client worker closes itself on its train call of round 3. Nothing reports a closed worker: the pool
  // finds it by its silence (its liveness budget: at least 10 s).
  for (const worker of await clientWorkers(page)) await armFault(worker, 3, 'close');
  await runToEnd(page);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-end-reason', 'completed');
  expect(await roundAccuracies(page, ROUNDS)).toEqual(faultFree);
  await expect(notes.locator('li')).toHaveCount(1);
  await expect(notes.locator('[data-round="3"]')).toContainText(/retried on a fresh worker \(the worker did not answer within/);

  for (const note of await notes.locator('li').allTextContents()) test.info().annotations.push({ type: 'round note', description: note });

  // The pool healed itself: a fourth run needs no reload and reproduces the numbers without faults.
  await runToEnd(page);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-end-reason', 'completed');
  expect(await roundAccuracies(page, ROUNDS)).toEqual(faultFree);
  await expect(notes).toHaveCount(0);
});
