// Runs a Node script in a child process of its own, so each measurement pays its own start-up,
// as a user's run does, and its peak memory is its own, not the benchmark's.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const RUNS = 3;

const RECORD_PEAK_RSS = new URL('./record-peak-rss.js', import.meta.url).href;

function runOnce(args, cwd, rssFile) {
  // A run that dies before its exit handler must not be credited with the previous run's peak.
  rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RECORD_PEAK_RSS, ...args], {
      cwd,
      env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallSeconds = (performance.now() - started) / 1000;
      let peakRssKb = NaN;
      try {
        peakRssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // Killed by a signal, so no exit handler ran: measure() reports the signal.
      }
      resolve({ wallSeconds, peakRssKb, code, signal, stderr });
    });
  });
}

/**
 * Runs `node <args>` `runs` times, one after another, in `cwd`. Returns the median wall time
 * (start-up included, as a user waits for it) and the highest peak RSS of the runs, in kB.
 * `workDir` holds the peak-RSS file. Throws when a run ends with an exit code not in `exitCodes`.
 */
export async function measure(label, args, { workDir, cwd = workDir, runs = RUNS, exitCodes = [0] }) {
  const rssFile = path.join(workDir, 'peak-rss-kb');
  const results = [];
  for (let i = 1; i <= runs; i++) {
    const result = await runOnce(args, cwd, rssFile);
    if (!exitCodes.includes(result.code)) {
      const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
      const expected = exitCodes.join(' or ');
      throw new Error(`${label} ${how}, not ${expected}:\n  node ${args.join(' ')}\n${result.stderr}`);
    }
    process.stderr.write(`  ${label}: run ${i}/${runs} took ${result.wallSeconds.toFixed(2)} s\n`);
    results.push(result);
  }
  const times = results.map((result) => result.wallSeconds).sort((a, b) => a - b);
  return {
    wallSeconds: times[Math.floor(times.length / 2)],
    peakRssKb: Math.max(...results.map((result) => result.peakRssKb)),
  };
}
