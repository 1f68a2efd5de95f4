// Centralized evaluation is split into fixed chunks of the test set, so a pool can spread them over its workers and
// still produce the bits a single thread produces: the chunks and the order they are combined in never depend on
// how many workers there are.
import type { EvalResult } from '../engine/executor';

/** Test examples per chunk (two of the trainer's 256-example evaluation batches). */
export const TEST_CHUNK = 512;

export function testChunkCount(numTest: number): number {
  return Math.ceil(numTest / TEST_CHUNK);
}

/** Indices [chunk · TEST_CHUNK, …) of the test set, clipped to its end. */
export function testChunkIndices(numTest: number, chunk: number): Int32Array {
  if (!Number.isInteger(chunk) || chunk < 0 || chunk >= testChunkCount(numTest)) {
    throw new RangeError(`test chunk ${chunk} does not exist (the test set has ${testChunkCount(numTest)} chunks)`);
  }
  const start = chunk * TEST_CHUNK;
  const end = Math.min(numTest, start + TEST_CHUNK);
  return Int32Array.from({ length: end - start }, (_, k) => start + k);
}

/** Example-weighted mean of the chunks' results, summed in chunk order (accuracy exactly correct / numTest). */
export function combineTestChunks(results: EvalResult[], numTest: number): EvalResult {
  if (results.length !== testChunkCount(numTest)) {
    throw new Error(`expected ${testChunkCount(numTest)} test chunk results, got ${results.length}`);
  }
  let accuracy = 0;
  let loss = 0;
  results.forEach((r, chunk) => {
    const size = Math.min(TEST_CHUNK, numTest - chunk * TEST_CHUNK);
    accuracy += Math.round(r.accuracy * size);
    loss += r.loss * size;
  });
  return { accuracy: accuracy / numTest, loss: loss / numTest };
}
