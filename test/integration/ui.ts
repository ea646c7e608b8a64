// The test side of the UI bridge (uiBridge.mjs): asks run.mjs what the browser shows. Only under
// run.mjs (code-server + Playwright); under runElectron.mjs there is no bridge and `uiBridge()` is false.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { sleep } from './helpers';

// Each suite is bundled on its own, with its own copy of this module and counter, all in one extension
// host process: the random part keeps request ids of different suites apart.
const session = Math.random().toString(36).slice(2, 10);
let counter = 0;

export function uiBridge(): boolean {
  return Boolean(process.env.KAMERSTUKKEN_UI_BRIDGE);
}

/** Runs a UI action in the browser and returns its result. */
export async function ui<T>(action: string, args: Record<string, unknown> = {}, timeout = 20_000): Promise<T> {
  const dir = process.env.KAMERSTUKKEN_UI_BRIDGE;
  if (!dir) throw new Error('no UI bridge (run under test/integration/run.mjs)');
  mkdirSync(dir, { recursive: true });
  const id = `${process.pid}-${session}-${++counter}`;
  writeFileSync(path.join(dir, `${id}.tmp-request`), JSON.stringify({ action, ...args }));
  renameSync(path.join(dir, `${id}.tmp-request`), path.join(dir, `${id}.request.json`));
  const response = path.join(dir, `${id}.response.json`);
  const end = Date.now() + timeout;
  while (!existsSync(response)) {
    if (Date.now() > end) throw new Error(`the UI bridge did not answer ${action} within ${timeout} ms`);
    await sleep(50);
  }
  const result = JSON.parse(readFileSync(response, 'utf8')) as { value?: T; error?: string };
  rmSync(response, { force: true });
  if (result.error !== undefined) throw new Error(`UI action ${action}: ${result.error}`);
  return result.value as T;
}

/** The DOM id of one of this extension's status bar items. */
export function statusBarItemId(id: string): string {
  return `kamerstukken.kamerstukken.${id}`;
}

export interface ViewPane { exists: boolean; visible: boolean; expanded: boolean; focused: boolean }

/** Waits until the view with this title is on screen and expanded; returns what the workbench shows. */
export async function viewOpened(title: string, timeout = 30_000): Promise<ViewPane> {
  const end = Date.now() + timeout;
  for (;;) {
    const pane = await ui<ViewPane>('viewPane', { title });
    if (pane.visible && pane.expanded) return pane;
    if (Date.now() > end) throw new Error(`the view "${title}" did not open: ${JSON.stringify(pane)}`);
    await sleep(100);
  }
}

/**
 * Clicks `selector` and waits until the view `title` opens. Under load the workbench can lose the
 * first click on a status bar item (seen: the item takes focus, no command runs, a second click
 * works), so one more click is made if the view is not open after 5 s; a click that never opens
 * the view still fails.
 */
export async function clickOpensView(selector: string, title: string): Promise<ViewPane> {
  await ui('click', { selector });
  const first = await viewOpened(title, 5_000).catch(() => undefined);
  if (first) return first;
  await ui('click', { selector });
  return viewOpened(title);
}
