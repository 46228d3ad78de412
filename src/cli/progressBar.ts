/**
 * A one-line progress bar on a terminal (stderr), silent when stderr is not a TTY so that logs and
 * pipes only get the report.
 */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = Boolean(process.stderr.isTTY) && total > 1,
  ) {}

  tick(): void {
    this.done += 1;
    const now = Date.now();
    if (this.enabled && (now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.stream.write(`\r${renderProgress(this.done, this.total, now - this.started)}`);
    }
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}

export function renderProgress(done: number, total: number, elapsedMs: number, width = 30): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} documents, ${rate.toFixed(1)}/s`;
}
