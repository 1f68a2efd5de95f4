// A tiny assembler for the subset of the WebAssembly text format our SIMD kernels are written in, so they ship as
// readable source without a build step. Supported: one module of functions (param/result/local declarations, an
// export name each) importing one memory as env.memory; instructions in flat (non-folded) form; block/loop/if with
// $labels; memarg offset=N. Encoding follows the WebAssembly core spec §5 (binary format) and the SIMD opcodes of
// Wasm 2.0.

const VALTYPES: Record<string, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** Plain opcodes without immediates. */
const PLAIN: Record<string, number> = {
  unreachable: 0x00, nop: 0x01, else: 0x05, end: 0x0b, return: 0x0f, drop: 0x1a, select: 0x1b,
  'i32.eqz': 0x45, 'i32.eq': 0x46, 'i32.ne': 0x47, 'i32.lt_s': 0x48, 'i32.lt_u': 0x49, 'i32.gt_s': 0x4a,
  'i32.gt_u': 0x4b, 'i32.le_s': 0x4c, 'i32.le_u': 0x4d, 'i32.ge_s': 0x4e, 'i32.ge_u': 0x4f,
  'f32.eq': 0x5b, 'f32.ne': 0x5c, 'f32.lt': 0x5d, 'f32.gt': 0x5e, 'f32.le': 0x5f, 'f32.ge': 0x60,
  'i32.add': 0x6a, 'i32.sub': 0x6b, 'i32.mul': 0x6c, 'i32.div_s': 0x6d, 'i32.div_u': 0x6e, 'i32.rem_s': 0x6f,
  'i32.rem_u': 0x70, 'i32.and': 0x71, 'i32.or': 0x72, 'i32.xor': 0x73, 'i32.shl': 0x74, 'i32.shr_s': 0x75,
  'i32.shr_u': 0x76, 'f32.add': 0x92, 'f32.sub': 0x93, 'f32.mul': 0x94, 'f32.div': 0x95, 'f32.min': 0x96,
  'f32.max': 0x97,
};

/** Loads and stores: opcode and natural alignment (log2 bytes). */
const MEMORY: Record<string, [number[], number]> = {
  'i32.load': [[0x28], 2], 'f32.load': [[0x2a], 2], 'i32.store': [[0x36], 2], 'f32.store': [[0x38], 2],
  'v128.load': [[0xfd, 0x00], 4], 'v128.store': [[0xfd, 0x0b], 4],
};

/** SIMD opcodes without immediates (after the 0xfd prefix). */
const SIMD: Record<string, number> = {
  'i32x4.splat': 0x11, 'f32x4.splat': 0x13, 'f32x4.eq': 0x41, 'f32x4.ne': 0x42, 'f32x4.lt': 0x43,
  'f32x4.gt': 0x44, 'f32x4.le': 0x45, 'f32x4.ge': 0x46, 'v128.not': 0x4d, 'v128.and': 0x4e, 'v128.andnot': 0x4f,
  'v128.or': 0x50, 'v128.xor': 0x51, 'v128.bitselect': 0x52, 'v128.any_true': 0x53, 'f32x4.abs': 0xe0,
  'f32x4.neg': 0xe1, 'f32x4.sqrt': 0xe3, 'f32x4.add': 0xe4, 'f32x4.sub': 0xe5, 'f32x4.mul': 0xe6, 'f32x4.div': 0xe7,
  'f32x4.min': 0xe8, 'f32x4.max': 0xe9,
};

type Sexp = string | Sexp[];

interface Func {
  name: string;
  params: { name: string; type: string }[];
  results: string[];
  locals: { name: string; type: string }[];
  body: string[];
}

/** Assembles `source` (a `(module ...)`) into a WebAssembly binary. */
export function assembleWat(source: string): Uint8Array<ArrayBuffer> {
  const root = parse(tokenize(source));
  if (!Array.isArray(root) || root[0] !== 'module') throw new Error('wat: expected (module ...)');
  const funcs = root.slice(1).map(parseFunc);
  const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
  const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
  const types = funcs.map((f) => [
    0x60,
    ...vec(f.params.map((p) => [valtype(p.type)])),
    ...vec(f.results.map((r) => [valtype(r)])),
  ]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, 0x00]; // memory, limits {min 0}
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(funcs.map((_, i) => uleb(i)))),
    ...section(7, vec(funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(funcs.map(encodeBody).map((body) => [...uleb(body.length), ...body]))),
  ];
  return new Uint8Array(bytes);
}

function tokenize(source: string): string[] {
  const withoutComments = source.replace(/;;[^\n]*/g, ' ');
  return withoutComments.match(/\(|\)|"[^"]*"|[^\s()]+/g) ?? [];
}

function parse(tokens: string[]): Sexp {
  let pos = 0;
  const read = (): Sexp => {
    const token = tokens[pos++];
    if (token === undefined) throw new Error('wat: unexpected end of input');
    if (token !== '(') return token;
    const list: Sexp[] = [];
    while (tokens[pos] !== ')') {
      if (pos >= tokens.length) throw new Error('wat: missing )');
      list.push(read());
    }
    pos++;
    return list;
  };
  return read();
}

function parseFunc(node: Sexp): Func {
  if (!Array.isArray(node) || node[0] !== 'func') throw new Error('wat: a module may only contain (func ...)');
  const func: Func = { name: '', params: [], results: [], locals: [], body: [] };
  node.slice(1).forEach((item, index) => {
    if (typeof item === 'string') {
      // The function's own $name (first item) is only a comment here; functions are called by export name.
      if (!(index === 0 && item.startsWith('$'))) func.body.push(item);
      return;
    }
    const [head, ...rest] = item as string[];
    if (head === 'export') func.name = rest[0].slice(1, -1);
    else if (head === 'param') func.params.push({ name: rest[0], type: rest[1] });
    else if (head === 'local') func.locals.push({ name: rest[0], type: rest[1] });
    else if (head === 'result') func.results.push(...rest);
    else throw new Error(`wat: unsupported (${head} ...) in a function; write instructions in flat form`);
  });
  if (!func.name) throw new Error('wat: every function needs an (export "name")');
  return func;
}

function encodeBody(func: Func): number[] {
  const slots = new Map<string, number>();
  [...func.params, ...func.locals].forEach((v, i) => slots.set(v.name, i));
  const out: number[] = [...uleb(func.locals.length), ...func.locals.flatMap((l) => [1, valtype(l.type)])];
  const labels: (string | null)[] = [];
  const tokens = func.body;
  const next = (what: string) => {
    const token = tokens[++i];
    if (token === undefined) throw new Error(`wat: ${func.name}: ${what} expected`);
    return token;
  };
  const slot = (token: string) => {
    const index = token.startsWith('$') ? slots.get(token) : Number(token);
    if (index === undefined || !Number.isInteger(index)) throw new Error(`wat: ${func.name}: unknown local ${token}`);
    return index;
  };
  const depth = (token: string) => {
    if (!token.startsWith('$')) return Number(token);
    const at = labels.lastIndexOf(token);
    if (at < 0) throw new Error(`wat: ${func.name}: unknown label ${token}`);
    return labels.length - 1 - at;
  };
  let i = -1;
  while (++i < tokens.length) {
    const op = tokens[i];
    if (op === 'block' || op === 'loop' || op === 'if') {
      out.push({ block: 0x02, loop: 0x03, if: 0x04 }[op], 0x40);
      labels.push(tokens[i + 1]?.startsWith('$') ? tokens[++i] : null);
    } else if (op === 'end') {
      out.push(0x0b);
      labels.pop();
    } else if (op === 'br' || op === 'br_if') {
      out.push(op === 'br' ? 0x0c : 0x0d, ...uleb(depth(next('label'))));
    } else if (op === 'local.get' || op === 'local.set' || op === 'local.tee') {
      out.push({ 'local.get': 0x20, 'local.set': 0x21, 'local.tee': 0x22 }[op], ...uleb(slot(next('local'))));
    } else if (op === 'i32.const') {
      out.push(0x41, ...sleb(Number(next('integer'))));
    } else if (op === 'f32.const') {
      out.push(0x43, ...new Uint8Array(new Float32Array([Number(next('number'))]).buffer));
    } else if (op in MEMORY) {
      const [code, align] = MEMORY[op];
      let offset = 0;
      if (tokens[i + 1]?.startsWith('offset=')) offset = Number(next('offset').slice('offset='.length));
      out.push(...code, ...uleb(align), ...uleb(offset));
    } else if (op in SIMD) {
      out.push(0xfd, ...uleb(SIMD[op]));
    } else if (op in PLAIN) {
      out.push(PLAIN[op]);
    } else {
      throw new Error(`wat: ${func.name}: unsupported instruction ${op}`);
    }
  }
  out.push(0x0b);
  if (labels.length !== 0) throw new Error(`wat: ${func.name}: ${labels.length} block(s) without end`);
  return out;
}

function valtype(type: string): number {
  const code = VALTYPES[type];
  if (code === undefined) throw new Error(`wat: unknown value type ${type}`);
  return code;
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}
