// `npm start`: builds the extension and opens seeds/ in a VS Code with the extension loaded.
// - With a desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> <repo>/seeds`.
// - Otherwise: starts code-server (installed once into .vscode-test/) on 127.0.0.1 and prints the URL to
//   open in a browser; the URL's payload loads this repository as development extension. Ctrl+C stops it.
//   Option: --verbose prints code-server's log.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, startCodeServer, workbenchUrl, writeUserSettings } from './codeServer.mjs';

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

async function main() {
  await run('npm', ['run', '--silent', 'build']);
  const seeds = path.join(repoRoot, 'seeds');

  const code = onPath('code');
  if (code) {
    console.log(`Opening ${seeds} in ${code} with the extension loaded.`);
    await run(code, [`--extensionDevelopmentPath=${repoRoot}`, seeds]);
    return;
  }

  const base = path.join(repoRoot, '.vscode-test', 'start');
  const userDataDir = path.join(base, 'user-data');
  await writeUserSettings(userDataDir);
  const server = await startCodeServer({
    userDataDir,
    extensionsDir: path.join(base, 'extensions'),
    log: process.argv.includes('--verbose') ? (l) => console.log(`[code-server] ${l}`) : undefined,
  });
  const url = workbenchUrl(server.url, { folder: seeds, extensionDevelopmentPath: repoRoot });
  console.log('\nNo desktop `code` on PATH; code-server is running with the extension loaded. Open:\n');
  console.log(`  ${url}\n`);
  console.log('After changing the extension: `npm run build`, then reload the browser tab. Ctrl+C stops.');

  let stopping = false;
  const stop = () => {
    stopping = true;
    console.log('\nStopping code-server ...');
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.process.once('exit', (c, signal) => {
    if (stopping) return;
    console.error(`code-server exited (code ${c}, signal ${signal})`);
    process.exit(c ?? 1);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
