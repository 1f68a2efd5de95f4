import { describe, expect, it } from 'vitest';
import { agreeSeed, exportPublicKey, exportSecretKey, generateKeyPair, importPublicKey, importSecretKey } from './keys';
import { addPairwiseMask, selfMask } from './masks';
import { expandSeed } from './prg';

async function pair() {
  const [u, v] = await Promise.all([generateKeyPair('masking'), generateKeyPair('masking')]);
  return { u, v };
}

describe('key agreement, PRG and masks', () => {
  it('both sides derive the same 256-bit s_uv, also from a re-imported secret scalar', async () => {
    const { u, v } = await pair();
    const suv = await agreeSeed(u.privateKey, v.publicKey);
    expect(suv).toHaveLength(32);
    expect(await agreeSeed(v.privateKey, u.publicKey)).toEqual(suv);
    const d = await exportSecretKey(u.privateKey);
    const rebuilt = await importSecretKey(d, await exportPublicKey(u.publicKey));
    expect(await agreeSeed(rebuilt, await importPublicKey(await exportPublicKey(v.publicKey)))).toEqual(suv);
  });

  it('pairwise masks cancel: p_uv + p_vu ≡ 0 mod 2^32', async () => {
    const { u, v } = await pair();
    const d = 5000;
    const puv = new Uint32Array(d);
    await addPairwiseMask(puv, await agreeSeed(u.privateKey, v.publicKey), 4, 3, 8);
    const pvu = new Uint32Array(d);
    await addPairwiseMask(pvu, await agreeSeed(v.privateKey, u.publicKey), 4, 8, 3);
    expect(puv.some((x) => x !== 0)).toBe(true);
    for (let i = 0; i < d; i++) expect((puv[i] + pvu[i]) >>> 0).toBe(0);
    await addPairwiseMask(puv, await agreeSeed(v.privateKey, u.publicKey), 4, 8, 3);
    expect(puv.every((x) => x === 0)).toBe(true);
  });

  it('the PRG is deterministic per (seed, round), differs across rounds and looks uniform', async () => {
    const seed = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const a = await expandSeed(seed, 1, 10_000);
    expect(await expandSeed(seed, 1, 10_000)).toEqual(a);
    const b = await selfMask(seed, 2, 10_000);
    expect(b.filter((x, i) => x === a[i]).length).toBeLessThan(3);
    const mean = a.reduce((s, x) => s + x / 2 ** 32, 0) / a.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    await expect(expandSeed(new Uint8Array(16), 1, 4)).rejects.toThrow('32 bytes');
  });
});
