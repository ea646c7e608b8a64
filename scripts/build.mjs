// Bundles the extension with esbuild, twice: for the desktop/remote extension host (Node, `main`) and for
// the web worker extension host of vscode.dev / github.dev (`browser`). `--watch` rebuilds on change,
// `--production` minifies and drops source maps (what `vscode:prepublish` runs before `vsce package`).
// Also the Corpus view's webview script (dist/webview/), and the command-line tool (`bin` in package.json: bin/kamerstukken.js runs dist/cli.js), which is
// not in the .vsix (.vscodeignore lists what is).
import * as esbuild from 'esbuild';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
/** `--cli`: only the command-line tool (its tests build it so). */
const cliOnly = process.argv.includes('--cli');

/**
 * Fails the web build on any import of a Node builtin (`fs`, `node:path`, ...), naming the importer:
 * esbuild alone would only say it cannot resolve the module, and a package's `browser` field could
 * otherwise map a builtin to an empty stub that breaks at run time.
 * @type {import('esbuild').Plugin}
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    build.onResolve({ filter: /.*/ }, (args) => {
      const root = args.path.split('/')[0];
      if (!builtins.has(args.path) && !builtins.has(root) && !args.path.startsWith('node:')) return undefined;
      return { errors: [{ text: `Node builtin "${args.path}" imported by ${args.importer}: the web extension must not use Node APIs` }] };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  external: ['vscode'],
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

const targets = [
  { ...common, entryPoints: ['src/extensionNode.ts'], outfile: 'dist/extension.js', platform: 'node', target: 'node18' },
  {
    ...common,
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    target: 'es2022',
    // Prefer the packages' browser builds (yaml has one); no Node globals are shimmed.
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
    plugins: [noNodeBuiltins],
  },
  {
    // The Corpus view's webview script (a browser page, no VS Code API but acquireVsCodeApi): both
    // the desktop and the web extension load it from here.
    entryPoints: ['src/webview/corpusView.ts'],
    bundle: true,
    format: 'iife',
    sourcemap: !production,
    minify: production,
    logLevel: 'info',
    outfile: 'dist/webview/corpusView.js',
    platform: 'browser',
    target: 'es2022',
    plugins: [noNodeBuiltins],
  },
  {
    // The command line: Node, no VS Code (an import of `vscode` fails the build: it is not external here).
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'info',
    outfile: 'dist/cli.js',
    platform: 'node',
    target: 'node18',
  },
];

const selected = cliOnly ? targets.filter((t) => t.outfile === 'dist/cli.js') : targets;

if (watch) {
  for (const t of selected) await (await esbuild.context(t)).watch();
} else {
  // A production build starts from an empty dist/: no source maps or other leftovers of a dev build.
  if (production && !cliOnly) await rm('dist', { recursive: true, force: true });
  await Promise.all(selected.map((t) => esbuild.build(t)));
}
