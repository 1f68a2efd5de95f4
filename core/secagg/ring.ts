// Vector arithmetic in Z_{2^32} on Uint32Array: every result is reduced with `>>> 0`.

/** acc ← acc + v mod 2^32, in place. */
export function addInto(acc: Uint32Array, v: Uint32Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] + v[i]) >>> 0;
}

/** acc ← acc − v mod 2^32, in place. */
export function subtractInto(acc: Uint32Array, v: Uint32Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] - v[i]) >>> 0;
}

