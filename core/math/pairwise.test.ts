import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { gramMatrix, pairwiseSquaredDistances } from './pairwise';

const f32 = (...v: number[]) => Float32Array.from(v);

describe('gramMatrix / pairwiseSquaredDistances', () => {
  it('gives hand-computed inner products and squared distances', () => {
    const g = gramMatrix([f32(1, 2), f32(3, -1), f32(0, 2)]);
    // ⟨x0,x0⟩=5 ⟨x0,x1⟩=3−2=1 ⟨x0,x2⟩=4 ⟨x1,x1⟩=10 ⟨x1,x2⟩=−2 ⟨x2,x2⟩=4
    expect(Array.from(g)).toEqual([5, 1, 4, 1, 10, -2, 4, -2, 4]);
    const d = pairwiseSquaredDistances([f32(1, 2), f32(3, -1), f32(0, 2)]);
    // ‖x0−x1‖² = 4+9 = 13, ‖x0−x2‖² = 1, ‖x1−x2‖² = 9+9 = 18
    expect(Array.from(d)).toEqual([0, 13, 1, 13, 0, 18, 1, 18, 0]);
  });

  it('matches plain dot products for n not a multiple of the 4 × 2 tile and d across chunk boundaries', () => {
    const rng = new Rng(7, 'test');
    const n = 9;
    const dim = 2_500;
    const vectors = Array.from({ length: n }, () => Float32Array.from({ length: dim }, () => rng.normal()));
    const g = gramMatrix(vectors);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let k = 0; k < dim; k++) dot += vectors[i][k] * vectors[j][k];
        expect(g[i * n + j]).toBeCloseTo(dot, 9);
      }
    }
  });
});
