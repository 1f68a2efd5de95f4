import { beforeAll } from 'vitest';
import { initBackend } from '../tf/backend';
import { describeHandComputedSteps } from './localTrainer.suite';

// The same trainer code on the plain JS backend (what the benchmark compares wasm accuracy against).
beforeAll(async () => {
  await initBackend({ preferred: 'cpu' });
});
describeHandComputedSteps();
