// Loaded with NODE_OPTIONS=--require by the benchmarks: records the process's peak RSS (KiB) when it exits.
// VmHWM belongs to this process's own memory map (worker threads included). getrusage's maxrss does not: Linux carries
// the parent's RSS over fork+exec into it, so a child of a bench holding 90 MiB read 160 MiB where it used 120.
const fs = require('node:fs')
process.on('exit', () => {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))
  if (process.env.RSS_PROBE_FILE && hwm) fs.writeFileSync(process.env.RSS_PROBE_FILE, hwm[1])
})
