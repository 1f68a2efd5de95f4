// Seeded randomness. Every random choice in FedStudio draws from a stream named by (seed, purpose, round, client),
// so a stream never depends on how many numbers another stream drew, nor on worker timing.

/** 32-bit avalanche mix (splitmix32 finaliser, as in Vigna's splitmix64 reduced to 32 bits). */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function hashString(s: string): number {
  // FNV-1a over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** xoshiro128** (Blackman & Vigna 2018): fast, 128-bit state, passes BigCrush. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  constructor(...key: (number | string)[]) {
    let h = 0x6a09e667;
    for (const part of key) {
      const v = typeof part === 'string' ? hashString(part) : part >>> 0;
      // Mix in the high bits of large numbers too, so e.g. seeds 1 and 2**32 + 1 differ.
      const hi = typeof part === 'number' ? Math.floor(part / 2 ** 32) >>> 0 : 0;
      h = mix32(h ^ v) ^ mix32(hi + 0x27d4eb2f);
    }
    this.s0 = mix32(h);
    this.s1 = mix32(this.s0 ^ 0x3c6ef372);
    this.s2 = mix32(this.s1 ^ 0xa54ff53a);
    this.s3 = mix32(this.s2 ^ 0x510e527f);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  float(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!(n >= 1)) throw new RangeError(`Rng.int needs n ≥ 1, got ${n}`);
    return Math.floor(this.float() * n);
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.float();
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 via the boost Gamma(a+1)·U^(1/a). */
  gamma(shape: number): number {
    if (!(shape > 0)) throw new RangeError(`Rng.gamma needs shape > 0, got ${shape}`);
    if (shape < 1) {
      let u = 0;
      while (u === 0) u = this.float();
      return this.gamma(shape + 1) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.float();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Dirichlet(alpha·1_k) sample via normalised Gamma draws. */
  dirichlet(alpha: number, k: number): Float64Array {
    const out = new Float64Array(k);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += out[i] = this.gamma(alpha);
    if (sum === 0) {
      // Every draw underflowed (tiny α): all mass on one uniformly chosen component, the α → 0 limit.
      out[this.int(k)] = 1;
      return out;
    }
    for (let i = 0; i < k; i++) out[i] /= sum;
    return out;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T extends { length: number; [i: number]: unknown }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = arr[i];
      arr[i] = arr[j];
      arr[j] = tmp;
    }
    return arr;
  }

  /** k distinct integers from [0, n), in the order drawn (partial Fisher–Yates). */
  sampleWithoutReplacement(n: number, k: number): number[] {
    if (k > n) throw new RangeError(`cannot sample ${k} of ${n} without replacement`);
    const pool = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + this.int(n - i);
      const tmp = pool[i];
      pool[i] = pool[j];
      pool[j] = tmp;
    }
    return pool.slice(0, k);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The purposes that own a stream of an experiment, a closed list so a misspelt purpose fails to compile instead of
 * silently opening a new stream. Add one here rather than reusing another's stream; randomness outside an experiment
 * (tests, benchmarks) uses `new Rng(...)` directly.
 */
export type RngPurpose =
  | 'data'
  | 'split'
  | 'partition'
  | 'feature-skew'
  | 'init'
  | 'sampling'
  | 'dropout'
  | 'straggler'
  | 'shuffle'
  | 'compression'
  | 'dp-noise'
  | 'dp-clip-count'
  | 'local-dp'
  | 'dp-sgd'
  | 'secagg-quantize'
  | 'secagg-graph'
  | 'norm-bound-noise'
  | 'bucketing'
  | 'attack'
  | 'attack-poison'
  | 'attack-noise';

/** The stream for one (seed, purpose, round, client); round and client default to 0. */
export function rngFor(seed: number, purpose: RngPurpose, round = 0, client = 0): Rng {
  return new Rng(seed, purpose, round, client);
}
