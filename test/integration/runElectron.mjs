// `npm run test:electron`: the same integration suites in desktop VS Code via @vscode/test-electron.
// Needs internet (test-electron downloads VS Code into .vscode-test/) and a display (use xvfb-run on a
// headless Linux box). On machines without that, use `npm run test:integration` (code-server).
//
//   node test/integration/runElectron.mjs [--grep <pattern>] [--version <vscode version, default stable>]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../../scripts/codeServer.mjs';
import { buildTests, makeWorkspace } from './run.mjs';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

async function main() {
  await new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`))));
  });
  const { index } = await buildTests();

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kamerstukken-electron-'));
  const workspace = await makeWorkspace(path.join(tmp, 'workspace'));
  const grep = opt('--grep');
  const reportFile = path.join(tmp, 'report.txt');
  const forwarded = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('KAMERSTUKKEN_')));
  try {
    const code = await runTests({
      version: opt('--version') ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: index,
      extensionTestsEnv: {
        ...forwarded,
        KAMERSTUKKEN_TEST_REPORT: reportFile,
        ...(grep ? { KAMERSTUKKEN_TEST_GREP: grep } : {}),
      },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', path.join(tmp, 'user-data'),
      ],
    });
    process.exitCode = code;
  } finally {
    // VS Code prints the extension host's console (mocha's report) itself; add the summary line.
    const summary = await readFile(reportFile + '.json', 'utf8').then(JSON.parse, () => undefined);
    console.log(`${summary?.passes ?? 0} passed, ${summary ? summary.failures : 1} failed`);
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
