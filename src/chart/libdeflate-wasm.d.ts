// The libdeflate package's Emscripten module (its index.js allocates and copies per call; the worker reuses
// one compressor and one input and output buffer instead): the exports deflate-worker.ts calls.
declare module '*/libdeflate/dist/libdeflate.wasm.mjs' {
  interface LibdeflateModule {
    HEAPU8: Uint8Array
    _malloc(size: number): number
    _libdeflate_alloc_compressor(level: number): number
    _libdeflate_deflate_compress_bound(compressor: number, length: number): number
    _libdeflate_deflate_compress(compressor: number, input: number, length: number, output: number, capacity: number): number
  }
  const createModule: () => LibdeflateModule
  export default createModule
}
