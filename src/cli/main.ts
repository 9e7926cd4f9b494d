#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { TOOL_VERSION } from '../report/version.js';
// Each subcommand's module is imported when it runs: `check` on one article does not load the others.
import { UsageError } from './usage-error.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

// `credlint rules | head`: a reader that stops early is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const program = new Command('credlint')
  .description('Checks articles for scraped site chrome, boilerplate, spacing and encoding damage, repetition, spun phrases, mismatched dates and cross-document contradictions.')
  .version(TOOL_VERSION)
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('check')
  .description('check articles and print one report (JSON by default)')
  .argument('[paths...]', 'files, folders (recursive), globs; "-" reads standard input', [])
  .addOption(new Option('-f, --format <format>', 'report format').choices(['json', 'text']).default('json'))
  .option('-o, --out <file>', 'write the report to a file instead of standard output')
  .addOption(new Option('--fail-on <verdict>', 'exit 1 when any article is at least this bad (pre-publish gate)').choices(['review', 'fail']))
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .option('--no-compare', 'skip the cross-document comparison')
  .option('--no-color', 'plain text output')
  .option('-q, --quiet', 'no progress or diagnostics on standard error')
  .option('-j, --jobs <n>', 'worker threads for large batches (default: the number of cores; 1 = no threads)')
  .action(async (paths: string[], opts) => {
    process.exitCode = await (await import('./check-command.js')).runCheck(paths, opts);
  });

program
  .command('compare')
  .description('compare two articles: shared statements, copied text and contradictions between them')
  .argument('<paths...>', 'two files (or one file with two records)')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('text'))
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .option('--no-color', 'plain text output')
  .option('-q, --quiet', 'no diagnostics on standard error')
  .action(async (paths: string[], opts) => {
    process.exitCode = await (await import('./compare-command.js')).runCompare(paths, opts);
  });

program
  .command('strip')
  .description('print an article without its site chrome (navigation, share buttons, footers...)')
  .argument('[path]', 'a file (.txt, .md, .html, .json, .jsonl) or "-" for standard input')
  .option('--jsonl', 'JSONL in (records with body/text/content), JSONL out: the same records with the body stripped and a "removed" count')
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .action(async (path: string | undefined, opts) => {
    process.exitCode = (await import('./strip-command.js')).runStrip(path, opts);
  });

program
  .command('rules')
  .description('list every rule (built-in and from --rules folders) with its state')
  .option('--json', 'print the rules as JSON')
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .action(async (opts) => {
    process.exitCode = (await import('./rules-command.js')).runRules(opts);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof UsageError) {
    process.stderr.write(`credlint: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`credlint: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 3;
  }
}
