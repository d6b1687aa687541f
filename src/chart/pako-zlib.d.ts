// pako's zlib port (pako/lib/zlib/*), which @types/pako does not describe: the calls this project makes.
declare module 'pako/lib/zlib/zstream.js' {
  const ZStream: new () => object
  export default ZStream
}
declare module 'pako/lib/zlib/inflate.js' {
  export function inflateInit2(strm: object, windowBits: number): number
  export function inflateReset(strm: object): number
  export function inflate(strm: object, flush: number): number
}
// The constants from the same lib (`import ... from 'pako'` would bundle pako's ESM build beside the lib's inflate).
declare module 'pako/lib/zlib/constants.js' {
  export const Z_OK: number
  export const Z_BLOCK: number
}
declare module 'pako/lib/deflate.js' {
  export { deflateRaw } from 'pako'
}
