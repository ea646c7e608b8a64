// Entry point of the integration tests, loaded by VS Code's extension host (extensionTestsPath).
// The runners (run.mjs for code-server, runElectron.mjs for desktop VS Code) bundle this file and every
// test/integration/*.test.ts separately into out/integration/; run() loads all *.test.js found next to
// it, so a new suite needs no registration.
//
// The report goes to the extension host's console and, when KAMERSTUKKEN_TEST_REPORT is set, line by
// line into that file (run.mjs tails it to the terminal), followed by a summary in
// KAMERSTUKKEN_TEST_REPORT + '.json'.
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const reportFile = process.env.KAMERSTUKKEN_TEST_REPORT;
  const grep = process.env.KAMERSTUKKEN_TEST_GREP;

  // Route mocha's reporter output into the report file as well as the console.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void; useColors: boolean };
  const consoleLog = base.consoleLog;
  base.useColors = process.env.KAMERSTUKKEN_TEST_COLOR === '1';
  if (reportFile) {
    writeFileSync(reportFile, '');
    base.consoleLog = (...args: unknown[]) => {
      appendFileSync(reportFile, format(...args) + '\n');
      consoleLog(...args);
    };
  }
  const writeSummary = (summary: object) => {
    if (reportFile) writeFileSync(reportFile + '.json', JSON.stringify(summary));
  };

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 20_000, ...(grep ? { grep } : {}) });
  const dir = __dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  const load = createRequire(__filename);
  try {
    // What mocha.loadFiles() does, with the plain CommonJS require of the extension host.
    for (const f of files) {
      const file = path.join(dir, f);
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      mocha.suite.emit('require', load(file), file, mocha);
      mocha.suite.emit('post-require', globalThis, file, mocha);
    }
  } catch (e) {
    base.consoleLog('Loading the test files failed: %s', e instanceof Error ? (e.stack ?? e.message) : String(e));
    writeSummary({ passes: 0, failures: 1, pending: 0, tests: 0, error: String(e) });
    base.consoleLog = consoleLog;
    throw e;
  }

  try {
    await new Promise<void>((resolve, reject) => {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        writeSummary({ passes: s?.passes ?? 0, failures, pending: s?.pending ?? 0, tests: s?.tests ?? 0, files });
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else if (files.length === 0) reject(new Error(`No *.test.js files in ${dir}.`));
        else resolve();
      });
    });
  } finally {
    base.consoleLog = consoleLog;
  }
}
