// What a run says besides its findings: a progress line on a terminal while it reads, and one
// summary line at its end (files scanned, files not scanned and why, build output left out, time),
// so that neither a long run nor a clean one is silence.
import type { FileReport } from '../../core/finding.js';

/** What the run counted as it went. */
export class RunTally {
  readonly started = performance.now();
  filesScanned = 0;
  /** Build output folders an ignore file left out of the walk. */
  ignoredBuildFolders: string[] = [];
}

/** Why a file was not (wholly) read, in a few words: a notice's message up to its details. */
function reasonOf(message: string): string {
  const reason = message.replace(/^Not scanned: /, '');
  return reason.split(/ \(|: /)[0]!;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** The run's summary line, without a line break. */
export function summaryLine(tally: RunTally, reports: readonly FileReport[]): string {
  const seconds = ((performance.now() - tally.started) / 1000).toFixed(1);
  const reasons = new Map<string, number>();
  for (const report of reports) {
    const notice = report.notices.find((candidate) => candidate.notScanned || candidate.fatal);
    if (notice) reasons.set(reasonOf(notice.message), (reasons.get(reasonOf(notice.message)) ?? 0) + 1);
  }
  const notScanned = [...reasons.values()].reduce((sum, count) => sum + count, 0);
  let line = `cprlint: ${plural(tally.filesScanned, 'file')} scanned`;
  if (notScanned > 0) line += `, ${notScanned} of them not wholly (${[...reasons].map(([reason, count]) => `${reason}: ${count}`).join('; ')})`;
  line += ` in ${seconds} s`;
  const folders = tally.ignoredBuildFolders;
  if (folders.length > 0) {
    const named = folders.slice(0, 3).map((folder) => `${folder}/`).join(', ') + (folders.length > 3 ? ` and ${folders.length - 3} more` : '');
    line += `; ${named} left out by an ignore file: build output is what gets published, scan it with \`cprlint ${folders[0]}\``;
  }
  return line;
}

/**
 * A line on a terminal's standard error, redrawn in place while a run reads files, from its first
 * second on; cleared when the run ends.
 */
export class ProgressLine {
  private done = 0;
  private documentsDone = 0;
  private timer: NodeJS.Timeout | undefined;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly documents: number,
  ) {
    this.timer = setTimeout(() => {
      this.timer = setInterval(() => this.draw(), 250);
      this.timer.unref();
      this.draw();
    }, 1000);
    this.timer.unref();
  }

  fileDone(isDocument: boolean): void {
    this.done += 1;
    if (isDocument) this.documentsDone += 1;
  }

  private draw(): void {
    const left = this.documents - this.documentsDone;
    this.write(`\r\u001b[Kcprlint: ${this.done} of ${plural(this.total, 'file')} read${left > 0 ? `, ${plural(left, 'document')} left` : ''}`);
    this.shown = true;
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    if (this.shown) this.write('\r\u001b[K');
  }
}
