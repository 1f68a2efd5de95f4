import { describe, expect, it } from 'vitest';
import { getBackend, getKernel } from '@tensorflow/tfjs-core';
import { initBackend } from './backend';

describe('initBackend', () => {
  it('starts single-threaded SIMD wasm with our kernels, once', async () => {
    const first = initBackend({ preferred: 'wasm' });
    expect(initBackend({ preferred: 'wasm' })).toBe(first);
    const info = await first;
    expect(info).toEqual({ backend: 'wasm', simd: true });
    expect(getBackend()).toBe('wasm');
    expect(getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('refuses to switch to other options once started', async () => {
    await expect(initBackend({ preferred: 'cpu' })).rejects.toThrow(/already started/);
    await expect(initBackend({ preferred: 'wasm', kernels: 'required' })).rejects.toThrow(/already started/);
  });
});
