/**
 * A TCP port on loopback where connecting never completes, deterministically and offline: a socket
 * listening with a backlog of 0 that never accepts (Node's servers always accept, so Debian's
 * python3 holds it), its one queue slot taken by a connection of ours. Linux then drops every further
 * SYN, and a client's connect hangs as it would behind a firewall that drops packets.
 */
import { spawn } from 'node:child_process'
import * as net from 'node:net'

export interface BlackHole {
  host: string
  port: number
  stop(): Promise<void>
}

const LISTENER = `import socket, sys
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen(0)
print(s.getsockname()[1], flush=True)
sys.stdin.read()
`

export async function startBlackHole(): Promise<BlackHole> {
  const py = spawn('python3', ['-c', LISTENER], { stdio: ['pipe', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    py.once('error', reject)
    py.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())))
  })
  const filler = await new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s))
    s.once('error', reject)
  })
  return {
    host: `127.0.0.1:${port}`,
    port,
    stop: async () => {
      filler.destroy()
      py.stdin.end()
      if (py.exitCode === null) await new Promise((r) => py.once('exit', r))
    }
  }
}
