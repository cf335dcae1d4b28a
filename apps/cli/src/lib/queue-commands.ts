/** `pressroom worker`, and the `--queue` side of `status` and `retry` (see queue.ts). */
import { type Command, Option } from 'commander'
import { positiveInteger, seconds } from './arguments.js'
import type { Io } from './cli.js'
import { defaultMaxMemoryMb, defaultTimeoutMs } from './defaults.js'

// queue.ts (bullmq, the build code) is imported when a command runs, not when help is shown.

export function registerQueueCommands(program: Command, io: Io): void {
  program
    .command('worker')
    .description(
      'take build jobs from a Redis queue (what `build --queue` enqueues) and run them, until SIGTERM',
    )
    .requiredOption('--queue <url>', 'the Redis every worker and client shares (redis://host:port)')
    .addOption(
      new Option('--concurrency <n>', 'jobs at once (one worker thread each)')
        .argParser(positiveInteger)
        .default(1),
    )
    .addOption(
      new Option('--timeout <seconds>', "time limit of one article's own work")
        .argParser(seconds)
        .default(defaultTimeoutMs, String(defaultTimeoutMs / 1000)),
    )
    .addOption(
      new Option('--max-memory <MB>', 'memory ceiling of each worker thread')
        .argParser(positiveInteger)
        .default(defaultMaxMemoryMb),
    )
    .action(async (options) => {
      const { runQueueWorker } = await import('./queue.js')
      await runQueueWorker({
        url: options.queue,
        concurrency: options.concurrency,
        pool: {
          timeoutMs: options.timeout,
          maxMemoryMb: options.maxMemory,
          preload: ['epub', 'pdf', 'ninjs'],
        },
        stderr: io.stderr,
        stdout: io.stdout,
      })
    })
}

export async function queueStatusCommand(url: string, json: boolean, io: Io): Promise<void> {
  const { describeQueueStatus, queueStatus } = await import('./queue.js')
  const status = await queueStatus(url)
  if (json) io.stdout.write(`${JSON.stringify(status, null, 2)}\n`)
  else for (const line of describeQueueStatus(status)) io.stdout.write(`${line}\n`)
}

export async function queueRetryCommand(url: string, io: Io): Promise<void> {
  const { retryFailed } = await import('./queue.js')
  const count = await retryFailed(url)
  io.stderr.write(`${count} failed job${count === 1 ? '' : 's'} moved back to waiting on ${url}\n`)
}
