/**
 * The progress bar of a batch: counts and ETA on stderr, drawn only when
 * stderr is a terminal. When it is not (a pipe, a log file, CI) there is no
 * bar and no chatter, only failure lines.
 */
import { writeSync } from 'node:fs'
import cliProgress from 'cli-progress'

export interface Progress {
  /** True when a bar is drawn (stderr is a terminal). */
  readonly live: boolean
  /** One more file done. */
  tick(failed: boolean): void
  /** Print a line without breaking the bar. */
  log(line: string): void
  stop(): void
}

export interface ProgressOptions {
  total: number
  stream: NodeJS.WriteStream
  /** Draw a bar at all (default: when the stream is a terminal). */
  enabled?: boolean
}

export function createProgress(options: ProgressOptions): Progress {
  const enabled = options.enabled ?? Boolean(options.stream.isTTY)
  if (!enabled) {
    return { live: false, tick() {}, log: (line) => void options.stream.write(`${line}\n`), stop() {} }
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: options.stream,
      format: 'docmend {bar} {value}/{total} files | {failed} failed | {duration_formatted} elapsed | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      etaBuffer: 20,
      fps: 10
    },
    cliProgress.Presets.shades_classic
  )
  const bar = bars.create(options.total, 0, { failed: 0 })
  // The bar hides the cursor and turns line wrap off; whatever ends the
  // process (Ctrl-C, a kill, an uncaught error), the terminal gets both back.
  const restore = () => restoreTerminal(options.stream)
  process.once('exit', restore)
  let failures = 0
  return {
    live: true,
    tick(failed) {
      if (failed) failures++
      bar.increment(1, { failed: failures })
    },
    log: (line) => bars.log(`${line}\n`),
    stop: () => {
      bars.stop()
      process.removeListener('exit', restore)
    }
  }
}

/** Cursor shown, line wrap on; written synchronously, so it lands even from an exit handler. */
const RESTORE = '\u001b[?25h\u001b[?7h'

function restoreTerminal(stream: NodeJS.WriteStream): void {
  const fd = (stream as { fd?: unknown }).fd
  try {
    if (typeof fd === 'number') writeSync(fd, RESTORE)
    else stream.write(RESTORE)
  } catch {
    // the terminal is gone: nothing to restore
  }
}
