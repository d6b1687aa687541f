// Preload that breaks the deflate worker threads (src/chart/deflate-worker.ts) the way real faults would, with no
// test-only path in src/: worker threads run their parent's preloads (`node --require <this>` or NODE_OPTIONS; they
// inherit both), so inside each worker this patches what the thread and libdeflate's WebAssembly instance see.
// The main thread is left alone. HOP_DEFLATE_FAULT picks the fault:
// - start:    the thread throws before its script runs (a worker that fails to start)
// - alloc:    libdeflate's malloc returns 0, out of memory (the worker throws while loading)
// - compress: libdeflate_deflate_compress returns 0, its output did not fit (the worker replies { error })
// - exit:     the thread exits with code 70 on a block
// - throw:    an uncaught exception on a block (the worker's 'error' event)
// HOP_DEFLATE_FAULT_MARK=<text>: exit and throw hit only a block that starts with <text> (else the first block).
// HOP_DEFLATE_FAULT_HOLD=<ms>: exit and throw first keep the thread busy that long (a block that takes a while).
// HOP_DEFLATE_FAULT_ONCE=<file>: only the first thread to create <file> is faulty; threads started later work.
/* global WebAssembly */
const fs = require('node:fs')
const path = require('node:path')
const { isMainThread, parentPort } = require('node:worker_threads')

const fault = process.env.HOP_DEFLATE_FAULT
const once = process.env.HOP_DEFLATE_FAULT_ONCE

/** True for the first thread to claim the fault (or for every thread without HOP_DEFLATE_FAULT_ONCE). */
function claim() {
  if (!once) return true
  try {
    fs.writeFileSync(once, `${process.pid}\n`, { flag: 'wx' })
    return true
  } catch {
    return false
  }
}

/** The WebAssembly export behind one of the Emscripten module's functions, as the installed package maps them. */
function wasmExport(name) {
  const glue = fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', 'libdeflate', 'dist', 'libdeflate.wasm.mjs'), 'utf8')
  const m = new RegExp(`Module\\["${name}"\\]=asm\\["(\\w+)"\\]`).exec(glue)
  if (!m) throw new Error(`deflate-faults: no export ${name} in libdeflate's glue`)
  return m[1]
}

/** Every WebAssembly instance created from now on has `name` replaced by a function returning 0. */
function failing(name) {
  const key = wasmExport(name)
  const Original = WebAssembly.Instance
  WebAssembly.Instance = new Proxy(Original, {
    construct(target, args) {
      const instance = new target(...args)
      return { exports: { ...instance.exports, [key]: () => 0 } }
    }
  })
}

/** Runs `hit` on the block HOP_DEFLATE_FAULT_MARK marks (any block without it), after HOP_DEFLATE_FAULT_HOLD ms. */
function atBlock(hit) {
  const mark = process.env.HOP_DEFLATE_FAULT_MARK && Buffer.from(process.env.HOP_DEFLATE_FAULT_MARK)
  const hold = Number(process.env.HOP_DEFLATE_FAULT_HOLD ?? 0)
  parentPort.on('message', (m) => {
    if (mark && !Buffer.from(m.input, 0, mark.length).equals(mark)) return
    if (hold) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, hold)
    hit()
  })
}

if (!isMainThread && fault && claim()) {
  if (fault === 'start') throw new Error('deflate-faults: this thread fails to start')
  else if (fault === 'alloc') failing('_malloc')
  else if (fault === 'compress') failing('_libdeflate_deflate_compress')
  // Listeners added here run before the worker's own.
  else if (fault === 'exit') atBlock(() => process.exit(70))
  else if (fault === 'throw')
    atBlock(() => {
      throw new Error('deflate-faults: the thread threw')
    })
  else throw new Error(`deflate-faults: unknown fault ${fault}`)
}
