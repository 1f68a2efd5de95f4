// Node needs the `.mjs` path at run time; comlink ships the types without that extension.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
