import { describe, expect, it } from 'vitest';
import { nodeAssetLoader } from '../../workers/assets-node';
import { decodeMnist } from './mnist';

/** A valid file with `count` images of 2×2 pixels. */
function tinyFile(labels: number[], pixels: number[]): Uint8Array {
  const bytes = new Uint8Array(16 + labels.length + pixels.length);
  bytes.set([...'FSMN'].map((ch) => ch.charCodeAt(0)));
  const view = new DataView(bytes.buffer);
  view.setUint32(4, labels.length, true);
  view.setUint32(8, 2, true);
  view.setUint32(12, 2, true);
  bytes.set(labels, 16);
  bytes.set(pixels, 16 + labels.length);
  return bytes;
}

describe('decodeMnist', () => {
  it('decodes the shipped public/data/mnist.bin: 10,000 digits, 10 classes of ≈1,000, pixels in [0, 1]', async () => {
    const data = decodeMnist(await nodeAssetLoader('mnist.bin'));
    expect(data.name).toBe('mnist');
    expect(data.numExamples).toBe(10_000);
    expect(data.inputShape).toEqual([28, 28, 1]);
    expect(data.featureSize).toBe(784);
    expect(data.numClasses).toBe(10);
    expect(data.x.length).toBe(10_000 * 784);
    const perClass = new Array(10).fill(0);
    for (const label of data.y) perClass[label]++;
    for (const count of perClass) {
      expect(count).toBeGreaterThan(800);
      expect(count).toBeLessThan(1200);
    }
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of data.x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
    // MNIST digits cover roughly 10–20% of the canvas.
    expect(sum / data.x.length).toBeGreaterThan(0.05);
    expect(sum / data.x.length).toBeLessThan(0.25);
  });

  it('scales bytes by 1/255 and reads labels in order', () => {
    const data = decodeMnist(tinyFile([3, 9], [0, 51, 255, 102, 1, 2, 3, 4]));
    expect(Array.from(data.y)).toEqual([3, 9]);
    expect(data.inputShape).toEqual([2, 2, 1]);
    expect(data.x[1]).toBeCloseTo(0.2, 6);
    expect(data.x[2]).toBe(1);
    expect(data.x[3]).toBeCloseTo(0.4, 6);
  });

  it('reads a file that sits at an offset inside a larger buffer', () => {
    const file = tinyFile([1], [255, 0, 0, 0]);
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect(decodeMnist(padded.subarray(3)).x[0]).toBe(1);
  });

  it.each([
    ['an empty file', new Uint8Array(0), /shorter than the header/],
    ['a wrong magic (an HTML page)', new TextEncoder().encode('<!DOCTYPE html><html></html>'), /expected magic "FSMN"/],
    ['a truncated file', tinyFile([1, 2], [0, 0, 0, 0, 0, 0, 0, 0]).subarray(0, 20), /need 26 bytes, file has 20/],
    ['a label outside 0..9', tinyFile([12], [0, 0, 0, 0]), /label 12 at image 0/],
  ])('rejects %s, telling the user how to regenerate it', (_what, bytes, reason) => {
    expect(() => decodeMnist(bytes)).toThrow(reason);
    expect(() => decodeMnist(bytes)).toThrow(/public\/data\/mnist\.bin.*run `npm install`/);
  });
});
