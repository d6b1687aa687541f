/** Types of bench/hostile-inputs.js (plain CommonJS, shared with the bench scripts) for the hostile tests. */
export interface TarEntry {
  name: string
  data?: string | Buffer
  /** '0' file, '1' hard link, '2' symlink, '3' char, '4' block, '5' dir, '6' FIFO. */
  type?: string
  link?: string
}
export function header(name: string, size: number, type?: string, link?: string): Buffer
export function tgz(entries: TarEntry[], level?: number): Buffer
export function chartYaml(name: string, version?: string, deps?: string[]): string
export function chartTgz(name: string, extra?: TarEntry[], version?: string, deps?: string[]): Buffer
export function nestedBomb(o?: { fanout?: number; depth?: number; leafBytes?: number }): Buffer
export function manyFiles(count?: number): Buffer
export const yamlBombs: Record<string, () => string>
export const jsonBombs: Record<string, () => string>
export function write(file: string, data: string | Buffer): string
