// Preloaded into a benchmarked command (`node --import ./bench/lib/peak-rss.js …`): when the process
// exits, its peak resident set size (MiB) is written to the file named by BENCH_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    // maxRSS is in KiB (getrusage ru_maxrss on Linux).
    writeFileSync(file, String(process.resourceUsage().maxRSS / 1024));
  });
}
