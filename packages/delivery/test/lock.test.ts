import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LockedError, lockState } from '../src/index.js'

describe('lockState', () => {
  it('refuses a second run while a live process holds the lock, and takes over a dead one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'delivery-lock-'))
    // A live process holds it.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    writeFileSync(path.join(dir, 'delivery.lock'), String(holder.pid))
    expect(() => lockState(dir)).toThrow(LockedError)
    expect(() => lockState(dir)).toThrow(`process ${holder.pid}`)
    // It dies without cleaning up (kill -9): the lock is stale and taken over.
    await new Promise((resolve) => {
      holder.once('exit', resolve)
      holder.kill('SIGKILL')
    })
    const release = lockState(dir)
    expect(existsSync(path.join(dir, 'delivery.lock'))).toBe(true)
    release()
    expect(existsSync(path.join(dir, 'delivery.lock'))).toBe(false)
  })
})
