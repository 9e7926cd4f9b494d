#!/usr/bin/env node
// Build step after tsc: bundles the command line into one file in dist/cli/, so a one-article check loads one
// script instead of resolving, reading and compiling ~150 modules (70 ms of a 400 ms run).
//
//   dist/cli/program.js        tsc's compiled src/cli/main.ts, unbundled (imports the other dist/ modules)
//   dist/cli/bundle.cjs        the same program bundled, as one CommonJS file (every subcommand; each one's modules
//                              are initialised when it runs)
//   dist/cli/bundle-loader.js  runs bundle.cjs through vm.Script with V8's code cache (scripts/bundle-loader.mjs;
//                              the cache, bundle.cjs.cache, is written by scripts/code-cache.mjs, the last build step)
//   dist/cli/main.js           the bin: bundle-loader.js, or program.js (see below, or when there is no bundle)
//
// The library (dist/index.js) and the worker threads (dist/engine/check-worker.js) stay unbundled.
// When node was started with --import/--require/--loader (on the command line or in NODE_OPTIONS), the preloaded modules may patch credlint's own modules
// (a plugin registering a detector, the test suite's fault detectors): the bin then runs program.js, so
// the process has one copy of each module, the one the preloads patched.
// The bundled modules keep their `new URL('…', import.meta.url)` paths: each is rewritten to be relative to
// dist/cli/, where the bundle lives. Without esbuild (a build with --omit=dev) main.js stays tsc's unbundled
// program, which behaves the same.
import { chmodSync, copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cliDir = join(root, 'dist', 'cli');
const main = join(cliDir, 'main.js');
const program = join(cliDir, 'program.js');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('bundle-cli: esbuild is not installed; dist/cli/main.js stays unbundled (slower to start, same behaviour)');
  process.exit(0);
}

for (const f of readdirSync(cliDir)) if (/^bundle[-.]/.test(f)) rmSync(join(cliDir, f));
copyFileSync(main, program);

// Preloads and loaders from the command line or NODE_OPTIONS (which execArgv does not show).
const BIN = `#!/usr/bin/env node
// credlint's bin, written by scripts/bundle-cli.mjs: the bundled program (bundle.cjs, through bundle-loader.js
// and V8's code cache), or tsc's unbundled program when modules are preloaded (see scripts/bundle-cli.mjs).
const PRELOAD = /^(?:--import|--require|-r|--loader|--experimental-loader)(?:=|$)/;
const preloaded = process.execArgv.some((a) => PRELOAD.test(a)) ||
  /(?:^|\\s)(?:--import|--require|-r|--loader|--experimental-loader)(?:[=\\s]|$)/.test(process.env.NODE_OPTIONS ?? '');
if (preloaded || !(await import('./bundle-loader.js')).runBundle()) await import('./program.js');
`;

// The bundle's entry: the program module's lazy initialiser, so the bundle has no top-level await (CommonJS has none).
const ENTRY = `import('credlint:bundled-program');`;

const URL_IN_MODULE = /new URL\((['"])(\.\.?\/[^'"]*)\1,\s*import\.meta\.url\)/g;

// Dependencies a one-article check often does not need: inside the bundle they are loaded on first use.
// franc (its trigram tables take 20 ms to build) runs only when the function-word test cannot tell the language,
// htmlparser2 (with its entity tables) only for HTML input; both are ESM-only, so plain node can only import them
// up front, but a bundled ESM package behind require() is initialised when first required. chrono-node is already
// required on first use (createRequire); bundled, its 50 CommonJS files are one. The unbundled modules (library,
// worker threads) keep their static imports.
const LAZY_IMPORTS = ['franc', 'htmlparser2', 'node:http', 'node:worker_threads'];
// Node's own modules that only some commands use (the service's HTTP server, worker threads for batches): the
// single bundle would otherwise load them in every run (http with net and its streams, worker_threads: ~8 ms).
// Only functions and classes can be imported lazily; the build stops on any other import from these.
const LAZY_NAMES = { 'node:http': ['createServer'], 'node:worker_threads': ['Worker'] };
const LAZY_REQUIRES = ['chrono-node'];
// commander (7 CommonJS files) and string-similarity are bundled too: loaded from node_modules, each file costs a package-scope lookup,
// a read and a compile, and the ESM-to-CommonJS bridge lexes it (~15 ms of a run). Its `require('node:child_process')`
// (net, dgram, streams: ~5 ms) is deferred to the one place it is used, running an executable subcommand.
const BUNDLED_CJS = ['commander', 'string-similarity'];
const BUNDLED = [...LAZY_IMPORTS, ...LAZY_REQUIRES, ...BUNDLED_CJS];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !BUNDLED.includes(d));

const STATIC_IMPORT = new RegExp(`^import \\{([^}]*)\\} from (['"])(${LAZY_IMPORTS.join('|')})\\2;?$`, 'gm');
const CREATE_REQUIRE = new RegExp(`createRequire\\(import\\.meta\\.url\\)\\((['"])((?:${LAZY_REQUIRES.join('|')})(?:/[^'"]*)?)\\1\\)`, 'g');

/** `import { a, b as c } from 'pkg'` → bindings that require the package on first call (or `new`). */
function lazyImport(_, names, _q, name) {
  const slot = `__lazy_${name.replace(/\W/g, '_')}`;
  for (const n of names.split(',').map((x) => x.trim().split(/\s+as\s+/)[0]).filter(Boolean)) {
    if (LAZY_NAMES[name] && !LAZY_NAMES[name].includes(n)) {
      console.error(`bundle-cli: "${n}" from ${name} is not known to be a function or class; add it to LAZY_NAMES in scripts/bundle-cli.mjs if it is one`);
      process.exit(1);
    }
  }
  return [
    `var ${slot};`,
    ...names.split(',').map((n) => n.trim()).filter(Boolean).map((n) => {
      const [imported, local = imported] = n.split(/\s+as\s+/);
      return `const ${local} = function (...args) { const f = (${slot} ??= require('${name}')).${imported}; return new.target ? new f(...args) : f.apply(this, args); };`;
    }),
  ].join(' ');
}

/** Paths as each dist/ module wrote them, made relative to dist/cli/ where the bundled code runs. */
const relocate = {
  name: 'relocate-module-urls',
  setup(build) {
    build.onResolve({ filter: /^\.\/program\.js$/ }, () => ({ path: './program.js', external: true }));
    build.onResolve({ filter: /^credlint:bundled-program$/ }, () => ({ path: program }));
    build.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      const uses = source.match(/childProcess\.\w+/g) ?? [];
      if (!source.includes(eager) || uses.some((u) => u !== 'childProcess.spawn')) {
        console.error(`bundle-cli: ${args.path}: commander no longer loads child_process as expected; update the lazy rewrite in scripts/bundle-cli.mjs`);
        process.exit(1);
      }
      const lazy = "let __childProcess; const childProcess = { spawn: (...a) => (__childProcess ??= require('node:child_process')).spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
    build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const dir = dirname(args.path);
      // program.js starts with the bin's #! line, which only the first line of main.js may carry.
      const source = readFileSync(args.path, 'utf8')
        .replace(/^#!.*/, '')
        .replace(URL_IN_MODULE, (_, q, spec) => {
          let rel = relative(cliDir, resolve(dir, spec)).split('\\').join('/');
          if (!rel.startsWith('.')) rel = `./${rel}`;
          if (spec.endsWith('/') && !rel.endsWith('/')) rel += '/';
          return `new URL(${q}${rel}${q}, import.meta.url)`;
        })
        .replace(STATIC_IMPORT, lazyImport)
        .replace(CREATE_REQUIRE, (_, q, spec) => `require(${q}${spec}${q})`);
      return { contents: source, loader: 'js' };
    });
  },
};

const built = await esbuild.build({
  stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'credlint-bin.js', loader: 'js' },
  bundle: true,
  // One file: a one-article check used all but 110 KB of the code, and each chunk costs a resolution, a
  // package-scope lookup and a compile of its own.
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The other dependencies stay in node_modules, loaded as the package manager installed them.
  external,
  outdir: cliDir,
  write: false,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [relocate],
});
let code = built.outputFiles[0].text;
// A module that finds a file from import.meta.url some other way would look for it beside the bundle: refuse it
// here rather than at a user's run (only `new URL('./relative', import.meta.url)` and createRequire are relocatable).
for (const m of code.matchAll(/import\.meta\.url/g)) {
  const before = code.slice(Math.max(0, m.index - 300), m.index);
  if (/(?:new URL\((['"])\.\.?\/[^'"\n]*\1,\s*|createRequire\d*\()$/.test(before)) continue;
  console.error(`bundle-cli: import.meta.url used in a way the bundle cannot relocate: …${before.slice(-80)}import.meta.url`);
  process.exit(1);
}
// CommonJS, so bundle-loader.js can compile it with V8's code cache: node 20 caches no ES module's code, and
// compiling 1.3 MB of JavaScript (and each function again on its first call) is ~40 ms of a one-article run.
code = code.replaceAll('import.meta.url', '__credlint_module_url');
const cjs = await esbuild.transform(code, {
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof',
  banner: "const __credlint_module_url = require('node:url').pathToFileURL(__filename).href;",
});
// bundle-loader.js compiles the bundle as a script without a dynamic-import handler: import() would throw there.
if (/(?<![\w$.])import\s*\(/.test(cjs.code.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""'))) {
  console.error('bundle-cli: the bundled program uses import(); bundle-loader.js cannot run it (use require or a static import)');
  process.exit(1);
}
writeFileSync(join(cliDir, 'bundle.cjs'), cjs.code);
copyFileSync(join(root, 'scripts', 'bundle-loader.mjs'), join(cliDir, 'bundle-loader.js'));
writeFileSync(main, BIN);
chmodSync(main, 0o755);
