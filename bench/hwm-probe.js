// Loaded with NODE_OPTIONS=--require by bench/hostile.js: records the process's peak RSS (KiB) when it exits.
// VmHWM belongs to this process's own memory map; getrusage's maxrss also carries the parent's RSS over fork+exec.
const fs = require('node:fs')
process.on('exit', () => {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))
  if (process.env.RSS_PROBE_FILE && hwm) fs.writeFileSync(process.env.RSS_PROBE_FILE, hwm[1])
})
