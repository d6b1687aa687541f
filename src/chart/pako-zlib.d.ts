// pako's zlib port (pako/lib/zlib/*), which @types/pako does not describe: the calls block-deflate.ts makes.
declare module 'pako/lib/zlib/deflate.js' {
  export function deflateInit2(strm: object, level: number, method: number, windowBits: number, memLevel: number, strategy: number): number
  export function deflateReset(strm: object): number
  export function deflateSetDictionary(strm: object, dictionary: Uint8Array): import('pako').constants
  export function deflate(strm: object, flush: number): import('pako').constants
}
declare module 'pako/lib/zlib/zstream.js' {
  const ZStream: new () => object
  export default ZStream
}
