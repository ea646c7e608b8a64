// Entry point of the web tests (`node test/integration/run.mjs --web`), run by the web worker extension
// host, where the extension runs from its `browser` bundle: no Node, no `require` but `vscode`. The runner
// bundles this file with mocha's browser build and the suites (test/integration/web/*.test.ts) into one
// CommonJS module whose run() calls runSuites() with a function that loads the suites.
//
// The report goes to the console and, since a web worker has no disk, through vscode.workspace.fs to the
// file the runner names (on the code-server machine: the workspace folder's file system), followed by a
// summary in <report>.json; the same shape index.ts writes for the Node runs.
import 'mocha/mocha.js'; // defines the globals `mocha` and `Mocha`
import * as vscode from 'vscode';

/** Set by the runner through esbuild's `define`. */
declare const KAMERSTUKKEN_WEB_TEST: { report: string; grep?: string };

export async function runSuites(loadSuites: () => void): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace folder');
  const report = folder.with({ path: KAMERSTUKKEN_WEB_TEST.report });
  const summaryFile = folder.with({ path: `${KAMERSTUKKEN_WEB_TEST.report}.json` });
  const encode = (text: string) => new TextEncoder().encode(text);

  // Route mocha's reporter output into the report file as well as the console (written a moment after
  // each line, and at the end).
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void; useColors: boolean };
  const consoleLog = base.consoleLog;
  base.useColors = false;
  let text = '';
  let writing = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const snapshot = text;
    writing = writing.then(() => vscode.workspace.fs.writeFile(report, encode(snapshot))).then(undefined, () => undefined);
    return writing;
  };
  base.consoleLog = (...args: unknown[]) => {
    text += args.map((a, i) => (i === 0 && typeof a === 'string' ? a.replace(/%[sd]/g, () => String(args.splice(1, 1)[0] ?? '')) : String(a))).join(' ') + '\n';
    timer ??= setTimeout(() => void flush(), 200);
    consoleLog(...args);
  };

  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20_000 });
  if (KAMERSTUKKEN_WEB_TEST.grep) mocha.grep(KAMERSTUKKEN_WEB_TEST.grep);
  const writeSummary = async (summary: object) => {
    if (timer) clearTimeout(timer);
    await flush();
    await vscode.workspace.fs.writeFile(summaryFile, encode(JSON.stringify(summary)));
  };
  try {
    loadSuites();
  } catch (e) {
    base.consoleLog('Loading the test files failed: %s', e instanceof Error ? (e.stack ?? e.message) : String(e));
    await writeSummary({ passes: 0, failures: 1, pending: 0, tests: 0, error: String(e) });
    throw e;
  }
  try {
    const { failures, stats } = await new Promise<{ failures: number; stats?: Mocha.Stats }>((resolve) => {
      const runner = mocha.run((failures) => resolve({ failures, stats: runner.stats }));
    });
    await writeSummary({ passes: stats?.passes ?? 0, failures, pending: stats?.pending ?? 0, tests: stats?.tests ?? 0 });
    if (failures > 0) throw new Error(`${failures} test(s) failed.`);
  } finally {
    base.consoleLog = consoleLog;
  }
}
