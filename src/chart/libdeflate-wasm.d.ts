// The libdeflate package's Emscripten module (its index.js allocates and copies per call; the worker reuses
// one compressor and one input and output buffer instead): the exports deflate-job.ts calls.
declare module '*/libdeflate/dist/libdeflate.wasm.mjs' {
  const createModule: () => import('./deflate-job').Libdeflate
  export default createModule
}
