import { availableParallelism } from 'node:os'
import { Command, CommanderError, Option } from 'commander'
import { megabytes, positiveInteger, seconds, wholeNumber } from './arguments.js'
import { defaultMaxBytes, defaultMaxMemoryMb, defaultTimeoutMs } from './defaults.js'
import { registerDeliveryCommands } from './delivery-commands.js'
import { InternalError, UsageError } from './errors.js'
import { defaultFormats, formatNames, getFormat } from './formats.js'
import { registerQueueCommands } from './queue-commands.js'
import { version } from './version.js'

// Each command's code is imported when the command runs, so that `--version`, `--help` and a
// usage error load only commander and this file (no reader, no renderer, no worker pool).

export interface Io {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WriteStream
}

/** A shell word as the user would type it. */
function quote(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`
}

/** The `pressroom` program, one option schema for parsing and help. */
export function createProgram(io: Io): Command {
  const program = new Command('pressroom')
    .description(
      'Turn canonical articles (Markdown + YAML frontmatter) into EPUB, PDF and syndication JSON.',
    )
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()

  const formatList = formatNames
    .map((name) => `  ${name.padEnd(9)} ${getFormat(name)?.description}`)
    .join('\n')

  program
    .command('build')
    .description(
      'build articles (files, folders or globs; default: content) into every requested format',
    )
    .argument('[paths...]', 'article files, folders or globs', ['content'])
    .option('-o, --out <dir>', 'output folder', 'out')
    .option(
      '-f, --format <formats>',
      `comma-separated formats (default: ${defaultFormats.join(',')})`,
    )
    .option('-b, --bundle <title>', 'also build one EPUB of all the articles, with this title')
    .addOption(
      new Option('-j, --jobs <n>', 'articles built in parallel')
        .argParser(positiveInteger)
        .default(availableParallelism(), 'the number of cores'),
    )
    .option('--force', 'rebuild even what is up to date')
    .option('-w, --watch', 'rebuild an article when it or its images change')
    .option('--json', 'print a machine-readable report on stdout')
    .option('-q, --quiet', 'print only problems (errors and warnings) and the failed articles')
    .option('--frail', 'exit 1 on warnings too')
    .addOption(
      new Option(
        '--timeout <seconds>',
        "time limit of one article's own work; past it, it fails alone",
      )
        .argParser(seconds)
        .default(defaultTimeoutMs, String(defaultTimeoutMs / 1000)),
    )
    .addOption(
      new Option('--max-memory <MB>', 'memory ceiling of each worker (one article at a time)')
        .argParser(positiveInteger)
        .default(defaultMaxMemoryMb),
    )
    .option('--now <date-time>', 'the moment embargoes are measured against (default: now)')
    .addOption(
      new Option('--page-size <size>', 'PDF page size').choices(['A4', 'Letter']).default('A4'),
    )
    .addOption(
      new Option('--feed-items <n>', 'items in feed.json: the newest N (0 for every article)')
        .argParser(wholeNumber)
        .default(100),
    )
    .addOption(
      new Option('--max-size <MB>', 'largest article accepted')
        .argParser(megabytes)
        .default(defaultMaxBytes, String(defaultMaxBytes / 1024 / 1024)),
    )
    .option('--queue <url>', 'enqueue for `pressroom worker`s on this Redis (redis://host:port)')
    .option('--detach', 'with --queue: return once enqueued, without waiting')
    .addHelpText(
      'after',
      `\nFormats:\n${formatList}\n\nOutput: <out>/<slug>/<slug>.{epub,pdf,ninjs.json,jsonld,ast.json}, <out>/<slug>/index.html (the web page),\n<out>/<slug>/partners/<partner>.json, <out>/index.html, <out>/feed.json, and <out>/<bundle-slug>.epub with --bundle.\n`,
    )
    .action(async (paths: string[], options) => {
      const { build } = await import('./build.js')
      const report = await build({
        paths,
        out: options.out,
        formats: options.format,
        bundle: options.bundle,
        jobs: options.jobs,
        force: options.force,
        watch: options.watch,
        json: options.json,
        quiet: options.quiet,
        now: options.now,
        pageSize: options.pageSize,
        maxBytes: options.maxSize,
        timeout: options.timeout,
        maxMemoryMb: options.maxMemory,
        frail: options.frail,
        feedItems: options.feedItems,
        queue: options.queue,
        detach: options.detach,
        stderr: io.stderr,
        stdout: io.stdout,
      })
      if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
      if (report.summary.stopped) process.exitCode = 130
      else if (
        report.summary.failed > 0 ||
        report.summary.errors > 0 ||
        (options.frail && report.summary.warnings > 0)
      )
        process.exitCode = 1
    })

  program
    .command('check')
    .description('validate articles without building them; messages go to stderr')
    .argument('[paths...]', 'article files, folders or globs', ['content'])
    .option('--frail', 'exit 1 on warnings too')
    .option('-q, --quiet', 'print only problems (errors and warnings)')
    .option('--json', 'print the messages as JSON on stdout')
    .addOption(
      new Option('--timeout <seconds>', "time limit of one article's check")
        .argParser(seconds)
        .default(defaultTimeoutMs, String(defaultTimeoutMs / 1000)),
    )
    .addOption(
      new Option('--max-size <MB>', 'largest article accepted')
        .argParser(megabytes)
        .default(defaultMaxBytes, String(defaultMaxBytes / 1024 / 1024)),
    )
    .action(async (paths: string[], options) => {
      const { check } = await import('./check.js')
      const report = await check({
        paths,
        quiet: options.quiet,
        json: options.json,
        maxBytes: options.maxSize,
        timeout: options.timeout,
        stderr: io.stderr,
      })
      if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
      if (report.interrupted) process.exitCode = 130
      else if (report.errors > 0 || (options.frail && report.warnings > 0)) process.exitCode = 1
    })

  program
    .command('init')
    .description('create a content folder with the publication config and an example article')
    .argument('[dir]', 'folder to create', 'content')
    .action(async (dir: string) => {
      const { init } = await import('./init.js')
      const files = await init(dir)
      // `npx` finds the command in this project's node_modules (or fetches it); a bare `pressroom`
      // works only when installed globally.
      io.stderr.write(
        `Created ${files.join(', ')}\nNext: npx pressroom check ${quote(dir)} && npx pressroom build ${quote(dir)}\n`,
      )
    })

  registerDeliveryCommands(program, io)
  registerQueueCommands(program, io)
  program
    .command('preview')
    .description(
      'build into a temporary folder and show every output side by side in a browser; rebuilds on save',
    )
    .argument('[paths...]', 'article files, folders or globs', ['content'])
    .addOption(
      new Option('-p, --port <n>', 'port (0: any free port)').argParser(wholeNumber).default(4173),
    )
    .option(
      '--host <host>',
      'interface to listen on (another than 127.0.0.1 shares the preview)',
      '127.0.0.1',
    )
    .option('--open', 'open the preview in the default browser')
    .action(async (paths: string[], options) => {
      const { preview } = await import('./preview.js')
      const running = await preview({
        paths,
        port: options.port,
        host: options.host,
        open: options.open,
        stderr: io.stderr,
      })
      // Runs until interrupted (Ctrl-C or SIGTERM): then the server closes and the process ends.
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve())
        process.once('SIGTERM', () => resolve())
      })
      await running.close()
      process.exitCode = 130
      // The watcher and its workers stop on the same signal; nothing may keep a stopped preview alive.
      setTimeout(() => process.exit(130), 2000).unref()
    })

  return program
}

/** Run the CLI; never throws; sets `process.exitCode` (0 ok, 1 errors, 2 usage). */
export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<void> {
  const program = createProgram(io)
  if (argv.length <= 2) argv = [...argv, '--help']
  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; bad options are usage errors (exit 2).
      process.exitCode =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
          ? 0
          : 2
      return
    }
    if (error instanceof UsageError) {
      io.stderr.write(`pressroom: ${error.message}\n`)
      process.exitCode = 2
      return
    }
    const internal =
      error instanceof InternalError
        ? error
        : new InternalError(String((error as Error)?.message ?? error), { cause: error })
    io.stderr.write(
      `pressroom: internal error: ${internal.message}\nThis is a bug in pressroom; please report it with the command you ran.\n${(error as Error)?.stack ?? ''}\n`,
    )
    process.exitCode = 70
  }
}
