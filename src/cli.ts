#!/usr/bin/env node
/**
 * The docmend command line. Exit codes: 0 success, 1 an input could not be
 * converted (one line on stderr), 2 usage error, 3 `check` found totals that
 * do not add up.
 */
import { rmSync } from 'node:fs'
import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import type { CheckFlags } from './cli/check-command.js'
import type { ConvertFlags } from './cli/convert-command.js'
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS } from './cli/convert-defaults.js'
import { TEMPLATE_FIELDS } from './emit/html/template-fields.js'
import { removePendingSync } from './io/atomic-write.js'
import { runInterruptHandlers } from './io/interrupt.js'
import type { WorkerFlags } from './cli/worker-command.js'
import { QUEUE_DEFAULTS } from './queue/defaults.js'
import type { ServeFlags } from './serve/command.js'
import { SERVE_FLAG_DEFAULTS } from './serve/defaults.js'
import { UsageError } from './errors.js'
import { printable } from './text/printable.js'

export const EXIT = { ok: 0, failed: 1, usage: 2, findings: 3 } as const

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

function buildProgram(): Command {
  const program = new Command('docmend')
    .description('Convert DOCX, PDF, HTML and pasted text to HTML, PDF, plain text, GFM and mdast JSON, repairing flattened tables.')
    .version(version(), '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run `docmend --help` for usage)')

  program
    .command('convert')
    .description('convert one or more inputs: files, folders (walked recursively), globs, or - for stdin')
    .argument('<inputs...>', 'input files, folders or glob patterns, or - for stdin')
    .requiredOption('-t, --to <formats>', 'comma-separated output formats: md,html,pdf,txt,json')
    .option('-o, --output <file>', 'write the (single) output to this file')
    .option('-d, --out-dir <dir>', 'write <input name>.<ext> for each format into this folder')
    .addOption(new Option('-f, --from <kind>', 'input kind (default: sniffed from the bytes)').choices(['docx', 'pdf', 'text', 'html', 'md']))
    .option('--fragment', 'HTML: write the body only, no page shell')
    .option('--template <file>', `HTML: use this page template (${TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(', ')})`)
    .option('--embed-images', 'HTML: inline images as data: URIs instead of writing <name>_media/')
    .addOption(new Option('--md-tables <mode>', 'Markdown: tables with merged cells as GFM (covered slots empty) or HTML').choices(['gfm', 'html']).default('gfm'))
    .option('-w, --width <columns>', 'plain text: line width in display columns', '80')
    .addOption(new Option('--tables <mode>', 'plain text: table form').choices(['auto', 'grid', 'linear']).default('auto'))
    .addOption(new Option('--page-size <size>', 'PDF output: page size').choices(['a4', 'letter']).default('a4'))
    .option('--margin <mm>', 'PDF output: page margin in millimetres (default: 20)')
    .option('--font <file>', 'PDF output: draw text with this TTF/OTF/TTC font (FILE#PostScriptName picks one from a collection); the bundled Noto fonts fill in missing characters')
    .option('--password <password>', 'password for an encrypted PDF')
    .option('--pages <range>', 'PDF input: pages to read, e.g. 3-7')
    .option('--explain', 'print, per table found, the layout detected, grid size and confidence')
    .option('--check', 'check table totals: warn about (and in HTML mark) totals that do not add up')
    .option('--tolerance <amount>', "with --check: accepted rounding difference, or 'auto'", 'auto')
    .option('-v, --verbose', 'print warnings from the readers and writers')
    .option('--debug', 'print stack traces for failures')
    .option('-j, --jobs <n>', 'conversions at once, each on its own worker thread (default: number of cores)')
    .option('--timeout <seconds>', 'stop a conversion that takes longer than this, and report it as failed (0: no limit)', String(DEFAULT_TIMEOUT_SECONDS))
    .option('--skip-existing', 'leave out inputs whose outputs all exist and are newer than the input (as make does)')
    .option('--max-memory <MiB>', 'stop a conversion whose worker needs more heap than this, and report it as failed', String(DEFAULT_MAX_MEMORY_MB))
    .option('--queue <url>', 'send the conversions as jobs to this Redis (redis://[:password@]host:port[/db], rediss:// for TLS), where `docmend worker` processes run them; --timeout and --max-memory are then the workers\'')
    .option('--queue-name <name>', 'with --queue: the queue to use', QUEUE_DEFAULTS.name)
    .option('--max-payload <MiB>', 'with --queue: largest input sent through Redis', String(QUEUE_DEFAULTS.maxPayloadMiB))
    .option('--keep <hours>', 'with --queue: how long Redis keeps each result (a resubmission within it reuses the result)', String(QUEUE_DEFAULTS.keepHours))
    .action(async (inputs: string[], flags: ConvertFlags) => {
      // Every command loads on use: --version and --help load nothing but commander.
      const { runConvert } = await import('./cli/convert-command.js')
      process.exitCode = await runConvert(inputs, flags)
    })

  program
    .command('check')
    .description('report table totals that disagree with their parts (exit 3 when there are any)')
    .argument('<inputs...>', 'input files, or - for stdin')
    .addOption(new Option('-f, --from <kind>', 'input kind (default: sniffed from the bytes)').choices(['docx', 'pdf', 'text', 'html', 'md']))
    .option('--tolerance <amount>', "accepted difference between a total and its parts, or 'auto' (exact for whole numbers, rounding for decimals and percentages)", 'auto')
    .addOption(new Option('--format <format>', 'report as text or JSON').choices(['text', 'json']).default('text'))
    .option('--password <password>', 'password for an encrypted PDF')
    .option('--pages <range>', 'PDF input: pages to read, e.g. 3-7')
    .option('--explain', 'say, per table, which totals were checked against which lines, and what was not checked and why')
    .option('-v, --verbose', 'as --explain, plus warnings from the readers')
    .option('--debug', 'print stack traces for failures')
    .option('--timeout <seconds>', 'stop reading an input that takes longer than this, and report it as unreadable (0: no limit)', String(DEFAULT_TIMEOUT_SECONDS))
    .option('--max-memory <MiB>', 'stop reading an input whose worker needs more heap than this, and report it as unreadable', String(DEFAULT_MAX_MEMORY_MB))
    .action(async (inputs: string[], flags: CheckFlags) => {
      const { runCheck } = await import('./cli/check-command.js')
      process.exitCode = await runCheck(inputs, flags)
    })

  program
    .command('worker')
    .description('run conversion jobs from a Redis queue (see convert --queue and serve --queue) until SIGTERM or Ctrl+C')
    .requiredOption('--queue <url>', 'the Redis to take jobs from: redis://[:password@]host:port[/db], rediss:// for TLS')
    .option('--queue-name <name>', 'the queue to take jobs from', QUEUE_DEFAULTS.name)
    .option('-c, --concurrency <n>', 'jobs at once, each on its own worker thread (default: number of cores)')
    .option('--timeout <seconds>', 'stop a conversion that takes longer than this, and fail its job (0: no limit)', String(DEFAULT_TIMEOUT_SECONDS))
    .option('--max-memory <MiB>', 'stop a conversion whose worker needs more heap than this, and fail its job', String(DEFAULT_MAX_MEMORY_MB))
    .option('--stall-seconds <n>', 'a worker silent this long is taken for dead and its jobs handed to another', String(QUEUE_DEFAULTS.stallSeconds))
    .action(async (flags: WorkerFlags) => {
      const { runWorker } = await import('./cli/worker-command.js')
      process.exitCode = await runWorker(flags)
    })

  program
    .command('serve')
    .description('start a local web page: paste or drop a document, see it repaired, download every format')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', SERVE_FLAG_DEFAULTS.port)
    .option('--host <address>', 'address to listen on (the default serves this machine only)', SERVE_FLAG_DEFAULTS.host)
    .option('--max-size <MiB>', 'largest document accepted, in MiB', SERVE_FLAG_DEFAULTS.maxSize)
    .option('--timeout <seconds>', 'longest one conversion may run', SERVE_FLAG_DEFAULTS.timeout)
    .option('--api-key <key>', 'require this key in an X-Api-Key header on API requests (default: $DOCMEND_API_KEY; required when --host is not loopback)')
    .option('--max-connections <n>', 'open connections at most', SERVE_FLAG_DEFAULTS.maxConnections)
    .option('--max-buffered <MiB>', 'uploads and answers held in memory at once; an upload beyond it gets 503 (default: 4 × --max-size)')
    .option('--queue <url>', 'also offer the job API (POST /api/jobs) over this Redis queue, run by docmend worker processes')
    .option('--queue-name <name>', 'with --queue: the queue to use', QUEUE_DEFAULTS.name)
    .option('--max-payload <MiB>', 'with --queue: largest document sent through Redis', String(QUEUE_DEFAULTS.maxPayloadMiB))
    .option('--keep <hours>', 'with --queue: how long Redis keeps each result', String(QUEUE_DEFAULTS.keepHours))
    .action(async (flags: ServeFlags) => {
      const { runServe } = await import('./serve/command.js')
      process.exitCode = await runServe(flags)
    })

  return program
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  if (argv.length <= 2) {
    program.outputHelp({ error: true })
    return EXIT.usage
  }
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return EXIT.ok
      return EXIT.usage
    }
    if (error instanceof UsageError) {
      process.stderr.write(`docmend: ${printable(error.message)}\n`)
      return EXIT.usage
    }
    throw error
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (runInterruptHandlers(signal)) return
    removePendingSync((path) => rmSync(path, { force: true }))
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })
}
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
})

main(process.argv).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`docmend: internal error: ${printable((error as Error)?.message ?? String(error))}\n`)
    process.exitCode = EXIT.failed
  }
)
