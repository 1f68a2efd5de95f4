// The globals core uses that every runtime it runs in provides (browsers, Web Workers, Node ≥ 20). They are declared
// here because their usual types come with the DOM or Node libraries, which would also let `document`, `window` or
// `process` into core unnoticed. Only what core uses, with the standard signatures (a subset of TypeScript's
// lib.dom.d.ts). Only core/tsconfig.json reads this file: the root program has the DOM and Node types.

declare const console: { warn(...data: unknown[]): void };
declare const performance: { now(): number };
/** The handle is a number in browsers and a Timeout object in Node. */
declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare function atob(data: string): string;
declare function btoa(data: string): string;

type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;

// WebAssembly JS API: core/tf instantiates its SIMD kernels on tfjs-wasm's memory.
declare namespace WebAssembly {
  interface Memory {
    /** A SharedArrayBuffer when the memory is shared (multi-threaded tfjs-wasm). */
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
  }
  class Module {
    constructor(bytes: BufferSource);
  }
  class Instance {
    constructor(module: Module, importObject?: Record<string, Record<string, Memory>>);
    readonly exports: Record<string, unknown>;
  }
  function validate(bytes: BufferSource): boolean;
}

// WebCrypto: core/secagg's ECDH key agreement, AES-CTR / AES-GCM and random values.
type KeyUsage = 'decrypt' | 'deriveBits' | 'deriveKey' | 'encrypt' | 'sign' | 'unwrapKey' | 'verify' | 'wrapKey';
interface Algorithm {
  name: string;
}
type AlgorithmIdentifier = Algorithm | string;
interface EcKeyGenParams extends Algorithm {
  namedCurve: string;
}
type EcKeyImportParams = EcKeyGenParams;
interface EcdhKeyDeriveParams extends Algorithm {
  public: CryptoKey;
}
interface AesDerivedKeyParams extends Algorithm {
  length: number;
}
interface AesCtrParams extends Algorithm {
  counter: BufferSource;
  length: number;
}
interface AesGcmParams extends Algorithm {
  iv: BufferSource;
  additionalData?: BufferSource;
  tagLength?: number;
}
interface CryptoKey {
  readonly algorithm: Algorithm;
  readonly extractable: boolean;
  readonly type: 'private' | 'public' | 'secret';
  readonly usages: KeyUsage[];
}
interface CryptoKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}
/** The members of an elliptic-curve key (RFC 7518 §6.2). */
interface JsonWebKey {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
}
interface SubtleCrypto {
  generateKey(algorithm: EcKeyGenParams, extractable: boolean, keyUsages: readonly KeyUsage[]): Promise<CryptoKeyPair>;
  importKey(
    format: 'jwk',
    keyData: JsonWebKey,
    algorithm: AlgorithmIdentifier | EcKeyImportParams,
    extractable: boolean,
    keyUsages: readonly KeyUsage[],
  ): Promise<CryptoKey>;
  importKey(
    format: 'raw',
    keyData: BufferSource,
    algorithm: AlgorithmIdentifier | EcKeyImportParams,
    extractable: boolean,
    keyUsages: readonly KeyUsage[],
  ): Promise<CryptoKey>;
  exportKey(format: 'jwk', key: CryptoKey): Promise<JsonWebKey>;
  exportKey(format: 'raw', key: CryptoKey): Promise<ArrayBuffer>;
  deriveBits(algorithm: EcdhKeyDeriveParams, baseKey: CryptoKey, length: number): Promise<ArrayBuffer>;
  deriveKey(
    algorithm: EcdhKeyDeriveParams,
    baseKey: CryptoKey,
    derivedKeyType: AesDerivedKeyParams,
    extractable: boolean,
    keyUsages: readonly KeyUsage[],
  ): Promise<CryptoKey>;
  encrypt(algorithm: AesCtrParams | AesGcmParams, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  decrypt(algorithm: AesCtrParams | AesGcmParams, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
}
// eslint-disable-next-line no-var -- core reads it as globalThis.crypto, which only a var declares.
declare var crypto: {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
};
