#!/usr/bin/env node
// First: it changes how V8 compiles the patterns every later module uses.
import './regexp-tier-up.js';
import { Command, CommanderError, Option } from 'commander';
import { FORMAT_NAMES, formatsHelp } from '../report/formats/index.js';
import { TOOL_VERSION } from '../report/version.js';
import { DEFAULTS as SERVE_DEFAULTS } from '../serve/defaults.js';
import { escapeLine } from '../report/escape-control.js';
import { EXIT_OUTPUT, stdoutOwned, writeProblem } from './output.js';
// Each subcommand's module is imported when it runs: `check` on one article does not load the others.
import { UsageError } from './usage-error.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

// `credlint rules | head`: a reader that stops early is not an error. Any other failure (a full disk) loses the
// output: one line and the exit code of a lost report (4, as `check` gives), never the gate's 1 or a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (stdoutOwned) return; // `check` reports a lost report with its own exit code
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`credlint: standard output cannot be written (${writeProblem(e)}); the output is lost\n`);
  process.exit(EXIT_OUTPUT);
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
  .addOption(new Option('-f, --format <format>', 'report format (see Formats below)').choices([...FORMAT_NAMES]).default('json'))
  .option('-o, --out <file>', 'write the report to a file instead of standard output')
  .option('--article-timeout <seconds>', 'time budget per article; an article over it is stopped and reported as an error (default 10)')
  .option('--emit-facts <file>', 'also write each article\'s facts (JSONL) for `credlint compare --facts` across shards')
  .addOption(new Option('--fail-on <verdict>', 'exit 1 when any article is at least this bad (pre-publish gate)').choices(['review', 'fail']))
  .option('--max-warnings <n>', 'exit 1 when more than N warnings count (suppressed and baseline flags do not)')
  .option('--baseline <file>', 'count only flags that are not in this baseline (the others stay in the report, marked suppressed)')
  .option('--write-baseline <file>', "record today's flags as the baseline to gate later runs against")
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .option('--no-compare', 'skip the cross-document comparison')
  .option('--compare-memory <MB>', 'heap cap of the comparison thread (default 1536); a comparison over it is one error, the per-article report is kept')
  .option('--no-color', 'plain text output')
  .option('-q, --quiet', 'no progress or diagnostics on standard error; with --format text, only what fails')
  .option('-j, --jobs <n>', 'worker threads at most (default and ceiling: the cores available); a batch gets one thread per 2,000 articles, at least one, and under 300 articles none, unless --article-timeout is given or a rule runs user patterns (then at least one)')
  .addHelpText('after', `\n${formatsHelp()}`)
  .action(async (paths: string[], opts) => {
    process.exitCode = await (await import('./check-command.js')).runCheck(paths, opts);
  });

program
  .command('compare')
  .description('compare two articles: shared statements, copied text and contradictions between them')
  .argument('<paths...>', 'two files (or one file with two records); with --facts, any number of facts files')
  .addOption(new Option('-f, --format <format>', 'output format (jsonl with --facts only)').choices(['json', 'text', 'jsonl']).default('text'))
  .option('--facts', 'compare the facts in files written by `check --emit-facts` (e.g. one per shard of a batch)')
  .option('--articles <path>', 'with --facts: an input file of the shards (repeatable), read again only to quote the reported sentences', collect, [])
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .option('--no-color', 'plain text output')
  .option('-q, --quiet', 'no diagnostics on standard error')
  .action(async (paths: string[], opts) => {
    process.exitCode = opts.facts
      ? await (await import('./compare-facts-command.js')).runCompareFacts(paths, opts)
      : await (await import('./compare-command.js')).runCompare(paths, opts);
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
  .command('fix')
  .description('apply the mechanical fixes of safe rules (spacing, encoding repair, doubled words; chrome with --strip)')
  .argument('<paths...>', 'text or Markdown files (one HTML page to standard output, as text)')
  .option('-o, --out <file>', 'write the fixed text to a file instead of standard output')
  .option('-i, --in-place', 'rewrite each file, keeping FILE.orig (refused when that backup exists)')
  .option('--strip', 'also remove site chrome (navigation, share rows, bylines)')
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .option('-q, --quiet', 'no summary on standard error')
  .action(async (paths: string[], opts) => {
    process.exitCode = (await import('./fix-command.js')).runFix(paths, opts);
  });

program
  .command('explain')
  .description("explain a rule: what it flags and leaves alone, its severity and what it costs in the score")
  .argument('<rule>', 'a rule id (see `credlint rules`)')
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .action(async (rule: string, opts) => {
    process.exitCode = (await import('./explain-command.js')).runExplain(rule, opts);
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

program
  .command('serve')
  .description('run the HTTP service: POST /v1/check, /v1/compare, LanguageTool-compatible /v2/check, and the editor page at /')
  .option('-p, --port <port>', 'port to listen on (0: any free port)', '8080')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('-w, --workers <n>', 'worker threads checking articles (default: 2, at most the cores; 0 = on the main thread)')
  .option('--max-body <size>', 'largest request body (413 beyond)', `${SERVE_DEFAULTS.maxBodyBytes / 1e6}mb`)
  .option('--timeout <ms>', 'time one request may spend checking (503 beyond)', String(SERVE_DEFAULTS.timeoutMs))
  .option('--queue <n>', 'checking requests that may wait for a worker (429 beyond)', String(SERVE_DEFAULTS.maxQueue))
  .option('--token <token>', 'require "Authorization: Bearer <token>" on everything but /healthz (default: $CREDLINT_TOKEN)')
  .option('--cors-origin <origin>', 'allow browser pages from this origin to call the API (repeatable; "*" for any)', collect, [])
  .option('-r, --rules <dir>', 'an extra folder of rule packs (repeatable)', collect, [])
  .option('-c, --config <file>', 'configuration file (default: the nearest .credlintrc.json)')
  .option('-q, --quiet', 'no start and stop lines on standard error')
  .action(async (opts) => {
    process.exitCode = await (await import('./serve-command.js')).runServe(opts);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof UsageError) {
    process.stderr.write(`credlint: ${escapeLine(e.message)}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`credlint: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 3;
  }
}
