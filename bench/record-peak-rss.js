// Preloaded into each measured child (`node --import`): a parent cannot read a child's peak memory,
// so the child writes its own at exit, in kB, to the file named by BENCH_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
