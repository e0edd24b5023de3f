// Runs a Node script in a child process of its own, so each measurement pays its own start-up,
// as a user's run does, and its peak memory is its own, not the benchmark's.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const RUNS = 3;

const RECORD_RESOURCE_USAGE = new URL('./record-resource-usage.js', import.meta.url).href;

function runOnce(args, cwd, usageFile) {
  // A run that dies before its exit handler must not be credited with the previous run's usage.
  rmSync(usageFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RECORD_RESOURCE_USAGE, ...args], {
      cwd,
      env: { ...process.env, BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallSeconds = (performance.now() - started) / 1000;
      let usage = { peakRssKb: NaN, cpuSeconds: NaN };
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        // Killed by a signal, so no exit handler ran: measure() reports the signal.
      }
      resolve({ wallSeconds, ...usage, code, signal, stderr });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs `node <args>` `runs` times, one after another, in `cwd`. Returns the median wall time
 * (start-up included, as a user waits for it), the median CPU time, and the highest peak RSS of
 * the runs, in kB. `workDir` holds the usage file. Throws when a run ends with an exit code not
 * in `exitCodes`.
 */
export async function measure(label, args, { workDir, cwd = workDir, runs = RUNS, exitCodes = [0] }) {
  const [measured] = await measureAlternating([{ label, args, exitCodes }], { workDir, cwd, runs });
  return measured;
}

/**
 * Measures several commands side by side: run 1 of each in turn, then run 2 of each, and so on,
 * so that a change in the machine's load falls on all of them alike. Each command is
 * { label, args, exitCodes = [0] }; returns what `measure` returns for each, in their order.
 */
export async function measureAlternating(commands, { workDir, cwd = workDir, runs = RUNS }) {
  const usageFile = path.join(workDir, 'resource-usage.json');
  const results = commands.map(() => []);
  for (let i = 1; i <= runs; i++) {
    for (const [index, { label, args, exitCodes = [0] }] of commands.entries()) {
      const result = await runOnce(args, cwd, usageFile);
      if (!exitCodes.includes(result.code)) {
        const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
        const expected = exitCodes.join(' or ');
        throw new Error(`${label} ${how}, not ${expected}:\n  node ${args.join(' ')}\n${result.stderr}`);
      }
      const took = `${result.wallSeconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s)`;
      process.stderr.write(`  ${label}: run ${i}/${runs} took ${took}\n`);
      results[index].push(result);
    }
  }
  return results.map(summary);
}

function summary(results) {
  return {
    code: results.at(-1).code,
    wallSeconds: median(results.map((result) => result.wallSeconds)),
    cpuSeconds: median(results.map((result) => result.cpuSeconds)),
    peakRssKb: Math.max(...results.map((result) => result.peakRssKb)),
  };
}
