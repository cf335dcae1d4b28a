/** The delivery commands of `pressroom`: publish, status, retry, resend. */
import { availableParallelism } from 'node:os'
import { type Command, Option } from 'commander'
import { positiveInteger } from './arguments.js'
import type { Io } from './cli.js'

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
]

export function registerDeliveryCommands(program: Command, io: Io): void {
  program
    .command('publish')
    .description(
      'build what is out of date, then deliver each partner its documents and the renditions they link',
    )
    .argument('[paths...]', 'article files, folders or globs', ['content'])
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('-p, --partner <name...>', 'only these partners (repeat or comma-separate)')
    .option('-n, --dry-run', 'show what would be delivered; send and record nothing')
    .option(
      '--now [date-time]',
      'the moment embargoes are measured against (default: now; `--now` alone: now)',
    )
    .option('-f, --format <formats>', 'formats to build (default: every format)')
    .option('--state <dir>', 'delivery log and default drop folders', '<out>/.pressroom-delivery')
    .addOption(
      new Option('-j, --jobs <n>', 'articles built in parallel')
        .argParser(positiveInteger)
        .default(availableParallelism(), 'the number of cores'),
    )
    .addOption(
      new Option('--concurrency <n>', 'deliveries in flight per partner')
        .argParser(positiveInteger)
        .default(4),
    )
    .option('--json', 'print a machine-readable report on stdout')
    .option('-q, --quiet', 'print only errors and failed deliveries')
    .option('--queue <url>', 'build and deliver through `pressroom worker`s on this Redis')
    .action(async (paths: string[], options) => {
      const { publish } = await import('./publish.js')
      const report = await publish({
        queue: options.queue,
        paths,
        out: options.out,
        partners: options.partner?.flatMap((name: string) => collect(name)),
        dryRun: options.dryRun,
        now: typeof options.now === 'string' ? options.now : undefined,
        formats: options.format,
        jobs: options.jobs,
        state: options.state === '<out>/.pressroom-delivery' ? undefined : options.state,
        concurrency: options.concurrency,
        quiet: options.quiet,
        json: options.json,
        stderr: io.stderr,
        stdout: io.stdout,
      })
      if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
      if (
        report.messages.some((message) => message.fatal) ||
        (report.build?.failed ?? 0) > 0 ||
        (report.delivery?.failed ?? 0) > 0
      )
        process.exitCode = 1
    })

  const logOptions = (command: Command) =>
    command
      .option('-o, --out <dir>', 'output folder publish wrote to', 'out')
      .option('--state <dir>', 'delivery log folder (default: <out>/.pressroom-delivery)')

  logOptions(
    program
      .command('status')
      .description('show the delivery queue, failures and skips per partner'),
  )
    .option('--json', 'print the report as JSON on stdout')
    .option('--queue <url>', 'show the build queues in this Redis (redis://host:port) instead')
    .action(async (options) => {
      if (options.queue) {
        const { queueStatusCommand } = await import('./queue-commands.js')
        return queueStatusCommand(options.queue, Boolean(options.json), io)
      }
      const { status } = await import('./status.js')
      const report = await status({
        out: options.out,
        state: options.state,
        json: options.json,
        stdout: io.stdout,
        stderr: io.stderr,
      })
      if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    })

  logOptions(
    program
      .command('retry')
      .description('deliver the failed deliveries again (and anything still queued)')
      .argument('[paths...]', 'the content (its pressroom.yaml names the partners)', ['content']),
  )
    .option('-p, --partner <name>', 'only this partner')
    .option('-q, --quiet', 'print only failures')
    .option(
      '--queue <url>',
      "move the queue's failed jobs (redis://host:port) back to waiting instead",
    )
    .action(async (paths: string[], options) => {
      if (options.queue) {
        const { queueRetryCommand } = await import('./queue-commands.js')
        return queueRetryCommand(options.queue, io)
      }
      const { retry } = await import('./status.js')
      const summary = await retry({
        paths,
        out: options.out,
        state: options.state,
        partner: options.partner,
        quiet: options.quiet,
        stderr: io.stderr,
      })
      if (!summary || summary.failed > 0) process.exitCode = 1
    })

  logOptions(
    program
      .command('resend')
      .description(
        "send an article's newest version to a partner again, under a new idempotency key",
      )
      .argument('<article>', 'the article: its slug or id')
      .argument('[paths...]', 'the content (its pressroom.yaml names the partners)', ['content']),
  )
    .requiredOption('-p, --partner <name>', 'the partner')
    .option('-q, --quiet', 'print only failures')
    .action(async (article: string, paths: string[], options) => {
      const { resend } = await import('./status.js')
      const summary = await resend({
        paths,
        article,
        out: options.out,
        state: options.state,
        partner: options.partner,
        quiet: options.quiet,
        stderr: io.stderr,
      })
      if (!summary || summary.failed > 0) process.exitCode = 1
    })
}
