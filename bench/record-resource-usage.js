// Preloaded into each measured child (`node --import`): a parent cannot read a child's resource
// usage, so the child writes its own at exit, as JSON, to the file named by BENCH_USAGE_FILE.
// CPU time is kept beside wall time because it barely moves when other processes share the CPUs.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    writeFileSync(target, JSON.stringify({ peakRssKb: usage.maxRSS, cpuSeconds }));
  });
}
