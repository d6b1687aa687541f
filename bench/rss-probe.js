// Loaded with NODE_OPTIONS=--require by the benchmark: records the process's peak RSS (KiB) when it exits.
const fs = require('node:fs')
process.on('exit', () => {
  if (process.env.RSS_PROBE_FILE) fs.writeFileSync(process.env.RSS_PROBE_FILE, String(process.resourceUsage().maxRSS))
})
