/**
 * Short content hash of a counts matrix (FNV-1a, 32 bit, over the shape and every value), 8 hex digits. Lets an
 * e2e test see that a heatmap's data changed without reading the canvas.
 */
export function countsSignature(counts: readonly (readonly number[])[]): string {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    // Hash the 32-bit integer value byte by byte; counts are non-negative integers.
    for (let s = 0; s < 32; s += 8) {
      h ^= (v >>> s) & 0xff;
      h = Math.imul(h, 0x01000193);
    }
  };
  mix(counts.length);
  for (const row of counts) {
    mix(row.length);
    for (const v of row) mix(v);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
