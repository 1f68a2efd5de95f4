import { describe, expect, it } from 'vitest';
import { assembleWat } from './wat';

function instantiate(source: string, memory = new WebAssembly.Memory({ initial: 1 })) {
  const bytes = assembleWat(source);
  expect(WebAssembly.validate(bytes)).toBe(true);
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
}

describe('assembleWat', () => {
  it('encodes signed constants of every LEB128 length', () => {
    const values = [0, 1, -1, 63, 64, -64, -65, 127, 128, -129, 1_000_000, -2_147_483_648, 2_147_483_647];
    const funcs = values.map((v, i) => `(func (export "c${i}") (result i32) i32.const ${v})`).join('\n');
    const exports = instantiate(`(module ${funcs})`) as Record<string, () => number>;
    values.forEach((v, i) => expect(exports[`c${i}`]()).toBe(v));
  });

  it('resolves named locals and labels in nested loops', () => {
    // Σ_{i<n} Σ_{j<i} 1 = n(n−1)/2, with an outer and an inner labelled loop.
    const { pairs } = instantiate(`(module
      (func $pairs (export "pairs") (param $n i32) (result i32) (local $i i32) (local $j i32) (local $sum i32)
        block $outerDone loop $outer
          local.get $i local.get $n i32.ge_s br_if $outerDone
          i32.const 0 local.set $j
          block $innerDone loop $inner
            local.get $j local.get $i i32.ge_s br_if $innerDone
            local.get $sum i32.const 1 i32.add local.set $sum
            local.get $j i32.const 1 i32.add local.set $j
            br $inner
          end end
          local.get $i i32.const 1 i32.add local.set $i
          br $outer
        end end
        local.get $sum))`) as { pairs: (n: number) => number };
    expect(pairs(10)).toBe(45);
  });

  it('runs SIMD loads, arithmetic and stores on the imported memory', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const { axpy } = instantiate(
      `(module (func (export "axpy") (param $a f32) (param $x i32) (param $y i32)
        local.get $y
        local.get $a f32x4.splat local.get $x v128.load f32x4.mul
        local.get $y v128.load f32x4.add
        v128.store offset=16))`,
      memory,
    ) as { axpy: (a: number, x: number, y: number) => void };
    const f = new Float32Array(memory.buffer);
    f.set([1, 2, 3, 4], 0);
    f.set([10, 20, 30, 40], 4);
    axpy(0.5, 0, 16);
    expect(Array.from(f.subarray(8, 12))).toEqual([10.5, 21, 31.5, 42]);
  });

  it('names what it cannot assemble', () => {
    expect(() => assembleWat('(module (func (export "f") i32.frobnicate))')).toThrow(/unsupported instruction i32.frobnicate/);
    expect(() => assembleWat('(module (func (export "f") local.get $nope drop))')).toThrow(/unknown local \$nope/);
    expect(() => assembleWat('(module (func (export "f") block $b))')).toThrow(/without end/);
  });
});
