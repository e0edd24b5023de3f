// Prints the README's table of command line options, made from the table --help prints
// (src/front-ends/cli-options.ts): paste it over the README's. test/cli.test.ts fails until they agree.
//
//   npx tsc -p tsconfig.json && node scripts/options-table.js
import { optionsMarkdown } from '../dist/src/front-ends/cli-options.js';

process.stdout.write(`${optionsMarkdown()}\n`);
