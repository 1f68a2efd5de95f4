import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { reconstructSecret, shareElements, shareFromBytes, sharePoint, shareToBytes, splitSecret, type Share } from './shamir';

const secret32 = () => globalThis.crypto.getRandomValues(new Uint8Array(32));

/** The reconstruction, or null when the shares do not decode into a secret of that length. */
function attempt(shares: readonly Share[], length: number): Uint8Array | null {
  try {
    return reconstructSecret(shares, length);
  } catch {
    return null;
  }
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

describe('Shamir secret sharing over GF(2^31 − 1)', () => {
  it('reconstructs from every subset of t shares (n = 7, t = 4) and from more than t', () => {
    const secret = secret32();
    const shares = splitSecret(secret, 4, [0, 1, 2, 3, 4, 5, 6].map(sharePoint));
    for (const subset of subsets(shares, 4)) expect(reconstructSecret(subset, 32)).toEqual(secret);
    expect(reconstructSecret(shares, 32)).toEqual(secret);
  });

  it('t − 1 shares do not give the secret (every subset, n = 7, t = 4)', () => {
    const secret = secret32();
    const shares = splitSecret(secret, 4, [0, 1, 2, 3, 4, 5, 6].map(sharePoint));
    for (const subset of subsets(shares, 3)) expect(attempt(subset, 32)).not.toEqual(secret);
  });

  it('works beyond 255 holders (n = 300, t = 181), with random subsets', () => {
    const secret = secret32();
    const ids = Array.from({ length: 300 }, (_, i) => 1000 + 3 * i);
    const shares = splitSecret(secret, 181, ids.map(sharePoint));
    const rng = new Rng(1, 'shamir-test');
    for (let trial = 0; trial < 5; trial++) {
      const picked = rng.sampleWithoutReplacement(300, 181).map((i) => shares[i]);
      expect(reconstructSecret(picked, 32)).toEqual(secret);
      expect(attempt(picked.slice(1), 32)).not.toEqual(secret);
    }
  });

  it('handles secrets whose length is not a multiple of the 3-byte chunk, and large ids', () => {
    for (const length of [1, 2, 3, 4, 65]) {
      const secret = globalThis.crypto.getRandomValues(new Uint8Array(length));
      const shares = splitSecret(secret, 2, [sharePoint(0), sharePoint(2 ** 31 - 3)]);
      expect(shares[0].y.length).toBe(shareElements(length));
      expect(reconstructSecret(shares, length)).toEqual(secret);
    }
  });

  it('serializes shares as 4 bytes per element', () => {
    const [share] = splitSecret(secret32(), 1, [sharePoint(9)]);
    const bytes = shareToBytes(share);
    expect(bytes.length).toBe(44);
    expect(shareFromBytes(share.x, bytes)).toEqual(share);
  });

  it('rejects invalid parameters', () => {
    expect(() => splitSecret(secret32(), 3, [1, 2])).toThrow('threshold');
    expect(() => splitSecret(secret32(), 2, [1, 1])).toThrow('distinct');
    expect(() => splitSecret(secret32(), 2, [0, 1])).toThrow('distinct');
  });
});
