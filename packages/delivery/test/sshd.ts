import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import path from 'node:path'

/** A free port on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * Debian's OpenSSH server on 127.0.0.1, a random port, its own config and
 * generated ed25519 keys: the system's sshd is not touched.
 */
export class Sshd {
  folder = ''
  port = 0
  /** The private key a client logs in with. */
  userKey = ''
  /** A key the server does not know. */
  strangerKey = ''
  username = userInfo().username
  private process: ChildProcess | undefined

  async start(): Promise<this> {
    this.folder = mkdtempSync(path.join(tmpdir(), 'pressroom-sshd-'))
    const key = (name: string) => {
      const file = path.join(this.folder, name)
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', file])
      return file
    }
    const hostKey = key('host_ed25519')
    this.userKey = key('user_ed25519')
    this.strangerKey = key('stranger_ed25519')
    const authorized = path.join(this.folder, 'authorized_keys')
    writeFileSync(authorized, readFileSync(`${this.userKey}.pub`))
    mkdirSync('/run/sshd', { recursive: true })
    this.port = await freePort()
    const config = path.join(this.folder, 'sshd_config')
    writeFileSync(
      config,
      [
        `Port ${this.port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKey}`,
        `AuthorizedKeysFile ${authorized}`,
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        'PermitRootLogin prohibit-password',
        'UsePAM no',
        'StrictModes no',
        `PidFile ${path.join(this.folder, 'sshd.pid')}`,
        'Subsystem sftp internal-sftp',
        '',
      ].join('\n'),
    )
    const log = path.join(this.folder, 'sshd.log')
    this.process = spawn('/usr/sbin/sshd', ['-D', '-f', config, '-E', log], { stdio: 'ignore' })
    // Ready when it accepts connections.
    const deadline = Date.now() + 30_000
    for (;;) {
      const up = await new Promise<boolean>((resolve) => {
        const socket = connect(this.port, '127.0.0.1')
        socket.once('connect', () => {
          socket.destroy()
          resolve(true)
        })
        socket.once('error', () => resolve(false))
      })
      if (up) break
      if (Date.now() > deadline || this.process.exitCode !== null)
        throw new Error(`sshd did not start: ${readFileSync(log, 'utf8')}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return this
  }

  async stop(): Promise<void> {
    const child = this.process
    if (!child || child.exitCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }
}
