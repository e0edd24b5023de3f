import { UsageError } from '../../project/usage-error.js';

/** ESLint's JSON shape, as far as merging reads it. */
interface JsonResult {
  filePath: string;
  errorCount: number;
  fatalErrorCount?: number;
  warningCount: number;
}

interface SarifLog {
  runs: {
    results?: { level?: string; locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[] }[];
    invocations?: { executionSuccessful?: boolean; toolExecutionNotifications?: { level?: string }[] }[];
  }[];
}

export interface MergedReport {
  /** The merged report, in the format of the reports given. */
  text: string;
  /** The exit code the whole run would have had: 2 a file could not be read, 1 an error, else 0. */
  code: number;
}

/**
 * `cprlint merge`: the JSON or SARIF reports of the shards of one run (`--shard i/n`), combined
 * into one report as one run would have written it, files in a stable order.
 */
export function mergeReports(files: readonly string[], read: (file: string) => string): MergedReport {
  if (files.length === 0) throw new UsageError('cprlint merge takes the reports to merge: cprlint merge <report.json> ... (JSON or SARIF, from cprlint --shard)');
  const parsed = files.map((file) => {
    let text: string;
    try {
      text = read(file);
    } catch (error) {
      throw new UsageError(`Cannot read report ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      return { file, report: JSON.parse(text) as unknown };
    } catch {
      throw new UsageError(`${file} is not a JSON or SARIF report: not valid JSON`);
    }
  });
  if (parsed.every(({ report }) => Array.isArray(report))) return mergeJson(parsed.map(({ file, report }) => jsonResults(file, report as unknown[])));
  if (parsed.every(({ report }) => isSarif(report))) return mergeSarif(parsed.map(({ report }) => report as SarifLog));
  throw new UsageError('cprlint merge takes reports of one format: all JSON (--format json) or all SARIF (--format sarif)');
}

function jsonResults(file: string, report: unknown[]): JsonResult[] {
  for (const result of report) {
    const shaped = result as Partial<JsonResult> | null;
    if (!shaped || typeof shaped.filePath !== 'string' || typeof shaped.errorCount !== 'number' || typeof shaped.warningCount !== 'number') {
      throw new UsageError(`${file} is not a cprlint JSON report: a result without filePath, errorCount or warningCount`);
    }
  }
  return report as JsonResult[];
}

function mergeJson(reports: JsonResult[][]): MergedReport {
  const results = reports.flat().sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const fatal = results.some((result) => (result.fatalErrorCount ?? 0) > 0);
  const errors = results.some((result) => result.errorCount > 0);
  return { text: JSON.stringify(results), code: fatal ? 2 : errors ? 1 : 0 };
}

function isSarif(report: unknown): boolean {
  const runs = (report as Partial<SarifLog> | null)?.runs;
  return Array.isArray(runs) && runs.length === 1;
}

function mergeSarif(logs: SarifLog[]): MergedReport {
  const [first] = logs;
  const results = logs.flatMap((log) => log.runs[0]!.results ?? []);
  const notifications = logs.flatMap((log) => log.runs[0]!.invocations?.flatMap((invocation) => invocation.toolExecutionNotifications ?? []) ?? []);
  const place = (result: (typeof results)[number]): [string, number, number] => {
    const location = result.locations?.[0]?.physicalLocation;
    return [location?.artifactLocation?.uri ?? '', location?.region?.startLine ?? 0, location?.region?.startColumn ?? 0];
  };
  results.sort((a, b) => {
    const [fileA, lineA, columnA] = place(a);
    const [fileB, lineB, columnB] = place(b);
    return fileA < fileB ? -1 : fileA > fileB ? 1 : lineA - lineB || columnA - columnB;
  });
  const successful = logs.every((log) => log.runs[0]!.invocations?.every((invocation) => invocation.executionSuccessful !== false) ?? true);
  const merged = { ...first, runs: [{ ...first!.runs[0], invocations: [{ executionSuccessful: successful, toolExecutionNotifications: notifications }], results }] };
  const fatal = notifications.some((notification) => notification.level === 'error');
  const errors = results.some((result) => result.level === 'error');
  return { text: JSON.stringify(merged), code: fatal ? 2 : errors ? 1 : 0 };
}
