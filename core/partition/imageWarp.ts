/**
 * An affine warp of height×width grayscale images about their centre (rotate by `radians`, then translate by
 * (shiftX, shiftY) pixels), resampled bilinearly with zeros outside. The sampling taps are computed once, so
 * applying it to a batch in place costs 4 multiply-adds per pixel.
 */
export function imageWarp(
  height: number,
  width: number,
  radians: number,
  shiftX: number,
  shiftY: number,
): (x: Float32Array, count: number) => void {
  const pixels = height * width;
  const taps = new Int32Array(pixels * 4);
  const tapWeights = new Float32Array(pixels * 4);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      // Inverse map: which source point lands on output pixel (r, c).
      const u = c - cx - shiftX;
      const v = r - cy - shiftY;
      const sx = cos * u + sin * v + cx;
      const sy = -sin * u + cos * v + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const base = (r * width + c) * 4;
      const corners = [
        [x0, y0, (1 - fx) * (1 - fy)],
        [x0 + 1, y0, fx * (1 - fy)],
        [x0, y0 + 1, (1 - fx) * fy],
        [x0 + 1, y0 + 1, fx * fy],
      ];
      corners.forEach(([tx, ty, w], t) => {
        const inside = tx >= 0 && tx < width && ty >= 0 && ty < height;
        taps[base + t] = inside ? ty * width + tx : 0;
        tapWeights[base + t] = inside ? w : 0;
      });
    }
  }
  const source = new Float32Array(pixels);
  return (x, count) => {
    for (let e = 0; e < count; e++) {
      const offset = e * pixels;
      source.set(x.subarray(offset, offset + pixels));
      for (let p = 0, t = 0; p < pixels; p++, t += 4) {
        x[offset + p] =
          tapWeights[t] * source[taps[t]] +
          tapWeights[t + 1] * source[taps[t + 1]] +
          tapWeights[t + 2] * source[taps[t + 2]] +
          tapWeights[t + 3] * source[taps[t + 3]];
      }
    }
  };
}
