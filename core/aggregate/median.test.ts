import { describe, expect, it } from 'vitest';
import { aggregatorFor, runOnce, updatesOf } from './testing';

const median = () => aggregatorFor({ name: 'median' });

describe('coordinate-wise median', () => {
  it('odd n: the middle value per coordinate', () => {
    // coord 0: −4, 1, 2, 3, 100 → 2;  coord 1: −2, 0, 5, 7, 10 → 5
    const { out } = runOnce(median(), updatesOf([[1, 10], [3, -2], [2, 5], [100, 0], [-4, 7]]));
    expect(out).toEqual([2, 5]);
  });

  it('even n: mean of the two middle values, ties included', () => {
    // coord 0: 1, 2, 3, 10 → (2+3)/2 = 2.5;  coord 1: 0, 2, 4, 8 → 3;  coord 2: 1, 1, 1, 5 → (1+1)/2 = 1
    const { out } = runOnce(median(), updatesOf([[1, 4, 1], [3, 8, 5], [2, 0, 1], [10, 2, 1]]));
    expect(out).toEqual([2.5, 3, 1]);
  });

  it('one update is its own median; reports the share of coordinates where a client was not a middle value', () => {
    expect(runOnce(median(), updatesOf([[4, -2]])).out).toEqual([4, -2]);
    // n = 3: coord 0 keeps client 1 (value 2), coord 1 keeps client 0 (value 5)
    const { decisions } = runOnce(median(), updatesOf([[1, 5], [2, 9], [3, 0]]));
    expect([0, 1, 2].map((id) => decisions.get(id)?.trimmedFraction)).toEqual([0.5, 0.5, 1]);
  });
});
