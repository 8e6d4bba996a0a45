// `npm run bench [-- flags]`: runs issue 8's benchmark, prints the tables and writes
// bench/results/<date>.json. `npm run bench -- --quick` takes about a minute; `--help` lists the flags.
import { parseBenchArgs, USAGE } from './bench-options.js';
import { printTable } from './print-table.js';
import { runBenchmark } from './run-benchmark.js';
import { resultFileName } from './bench-result.js';

try {
  const options = parseBenchArgs(process.argv.slice(2));
  if ('help' in options) {
    console.log(USAGE);
  } else {
    const result = await runBenchmark(options, (line) => console.error(line));
    console.log(printTable(result));
    if (options.outDir) console.error(`results written to ${options.outDir}/${resultFileName(result)}`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
