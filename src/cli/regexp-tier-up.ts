import { setFlagsFromString } from 'node:v8';

// V8 runs a regular expression's first execution in its bytecode interpreter and compiles it to machine code
// on the next one. For the large case-insensitive alternations of chrono's English parsers (and of some rule
// packs) that compilation takes 50 ms each, more than checking a short article; a one-article run executes most
// of them only a few times. Compiling a pattern after 100 executions instead keeps one-article runs from paying
// for it, while a batch still gets machine code for every pattern it uses often (the cost moves, it does not grow).
// Imported first by the CLI, before any module compiles a pattern; a process-wide V8 setting, so the library
// (src/index.ts) leaves it to its callers.
setFlagsFromString('--regexp-tier-up-ticks=100');
