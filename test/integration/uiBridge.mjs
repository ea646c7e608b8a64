// Two things run.mjs needs for suites that look at the workbench itself:
//
// - installLanguagePack: VS Code's display language can only be one it has a language pack for, and
//   there is no Dutch one (Microsoft ships none). Without it `--locale nl` is ignored: env.language stays
//   'en', extensions get no l10n bundle and the manifest stays English. The minimal Dutch pack in
//   dutchLanguagePack/ (no translations of VS Code itself) is installed the way VS Code installs one:
//   the extension in the extensions folder, and its entry in <user-data-dir>/languagepacks.json, which
//   the server reads to choose the language (code-server 4.100.3 writes that file only when a pack is
//   installed through it, so it is written here too).
//
// - startUiBridge: lets a test in the extension host ask for what the browser shows (Playwright): it
//   writes <dir>/<id>.request.json ({ action, ...args }), run.mjs answers in <id>.response.json
//   ({ value } or { error }). Actions: quickPickLabels, statusBarItem, hover, click, viewPane,
//   treeRows, notifications, webviewEvaluate, webviewClick, webviewPress, webviewFill, webviewSelect.
//   test/integration/ui.ts is the test side.
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `locale.nl.test.ts` → 'nl'; `statusBar.test.ts` → undefined. */
export function suiteLocale(file) {
  return /\.([a-z]{2}(?:-[a-z]{2,4})?)\.test\.ts$/u.exec(file)?.[1];
}

/** Installs the test language pack for `locale` into a fresh code-server's folders. */
export async function installLanguagePack(locale, { userDataDir, extensionsDir }) {
  const source = path.join(here, 'dutchLanguagePack');
  const manifest = JSON.parse(await readFile(path.join(source, 'package.json'), 'utf8'));
  const localization = manifest.contributes.localizations.find((l) => l.languageId === locale);
  if (!localization) throw new Error(`no test language pack for --locale ${locale} (only ${manifest.contributes.localizations.map((l) => l.languageId).join(', ')})`);
  const id = `${manifest.publisher}.${manifest.name}`;
  const target = path.join(extensionsDir, `${id}-${manifest.version}`);
  await cp(source, target, { recursive: true });
  const translations = Object.fromEntries(localization.translations.map((t) => [t.id, path.join(target, t.path)]));
  await mkdir(userDataDir, { recursive: true });
  await writeFile(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
    [locale]: { hash: `${id}-${manifest.version}`, extensions: [{ extensionIdentifier: { id }, version: manifest.version }], translations, label: localization.localizedLanguageName },
  }, null, 2));
}

const actions = {
  /** The labels of the rows of the open quick pick (Command Palette), as shown; allowEmpty: no row is an answer. */
  async quickPickLabels(page, { allowEmpty = false } = {}) {
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    if (allowEmpty) await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10_000 });
    else await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(300); // the list filters as the input settles
    return rows.evaluateAll((els) => els.map((el) => el.querySelector('.label-name')?.textContent?.trim() ?? el.getAttribute('aria-label') ?? ''));
  },
  /** A status bar item by its id (`<publisher>.<name>.<item id>`): visible text, codicons, aria-label. */
  async statusBarItem(page, { id }) {
    const item = page.locator(`[id="${id}"]`);
    if ((await item.count()) === 0 || !(await item.isVisible())) return { visible: false };
    return item.evaluate((el) => ({
      visible: true,
      text: el.innerText.trim(),
      icons: [...el.querySelectorAll('.codicon')].flatMap((i) => [...i.classList].filter((c) => c.startsWith('codicon-'))),
      ariaLabel: el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '',
    }));
  },
  /** Hovers the element and returns the text of the hover that appears. */
  async hover(page, { selector }) {
    await page.mouse.move(0, 0);
    // A hover still shown from before (an editor's, the breadcrumbs') would be taken for the new one: gone first.
    const shown = page.locator('.workbench-hover:visible, .monaco-hover:visible').filter({ hasText: /\S/u });
    for (let i = 0; i < 50 && (await shown.count()) > 0; i++) await page.waitForTimeout(100);
    await page.locator(selector).hover({ timeout: 10_000 });
    const hover = shown.last();
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await hover.innerText();
    await page.mouse.move(0, 0);
    return text.trim();
  },
  /** The notifications on screen (toasts, and the notification center's list when it is open), as text. */
  async notifications(page) {
    return page.locator('.notification-toast, .notifications-center .notification-list-item').allInnerTexts();
  },
  /** Clicks the element (the first that matches), holding `modifiers` (Playwright's names: 'Control', 'Shift', ...). */
  async click(page, { selector, modifiers = [] }) {
    await page.locator(selector).first().click({ timeout: 10_000, modifiers });
    return true;
  },
  /** A view by its title (case as written in the manifest): on screen, expanded, with keyboard focus. */
  async viewPane(page, { title }) {
    return page.evaluate((wanted) => {
      const doc = globalThis.document;
      const pane = [...doc.querySelectorAll('.pane')].find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === wanted.toLowerCase());
      if (!pane) return { exists: false, visible: false, expanded: false, focused: false };
      const header = pane.querySelector('.pane-header');
      return {
        exists: true,
        visible: pane.checkVisibility() && pane.getBoundingClientRect().height > 0,
        expanded: header?.getAttribute('aria-expanded') === 'true',
        focused: pane.contains(doc.activeElement),
      };
    }, title);
  },
  /**
   * The rows of the tree in a view (by title), every row expanded first: [{ label, description,
   * children }], as the workbench renders them. (The view must be open.)
   */
  async treeRows(page, { title }) {
    const pane = page.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'iu') }) });
    await pane.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
    for (let i = 0; i < 50; i++) {
      const collapsed = pane.locator('.monaco-list-row[aria-expanded="false"] .monaco-tl-twistie.collapsible');
      if ((await collapsed.count()) === 0) break;
      await collapsed.first().click();
      await page.waitForTimeout(100);
    }
    const flat = await pane.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => ({
      level: Number(el.getAttribute('aria-level') ?? '1'),
      label: el.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
    })));
    const root = { children: [] };
    const stack = [root];
    for (const { level, label, description } of flat) {
      const row = { label, description, children: [] };
      stack.length = Math.min(stack.length, level);
      stack[stack.length - 1].children.push(row);
      stack.push(row);
    }
    return root.children;
  },
  /**
   * Runs `script` (a JavaScript expression, evaluated as by the DevTools: the webview's CSP does not
   * apply) in the content frame of the webview whose document has an element matching `marker`,
   * and returns its value (JSON). Waits up to `timeout` ms for such a webview. A webview is two
   * iframes deep (workbench → webview host → content); its frames are found by walking them.
   */
  async webviewEvaluate(page, { marker, script, timeout = 10_000 }) {
    const end = Date.now() + timeout;
    for (;;) {
      const frame = await webviewFrame(page, marker, Math.max(0, end - Date.now()));
      try {
        return await frame.evaluate(script);
      } catch (e) {
        // The webview replaced its document between finding the frame and evaluating (a report
        // that re-renders): look for the frame again instead of failing on the old one.
        if (!isGoneFrame(e) || Date.now() > end) throw e;
      }
    }
  },
  /** Clicks the element matching `selector` in the webview found by `marker` (real mouse events). */
  async webviewClick(page, { marker, selector, timeout = 10_000 }) {
    const frame = await webviewFrame(page, marker, timeout);
    await frame.locator(selector).first().click();
    return true;
  },
  /**
   * Focuses the element matching `selector` in the webview found by `marker`, then presses `keys`
   * one after another (Playwright key names: "ArrowDown", "Enter", "Shift+Tab").
   */
  async webviewPress(page, { marker, selector, keys, timeout = 10_000 }) {
    const frame = await webviewFrame(page, marker, timeout);
    await frame.locator(selector).first().focus();
    for (const key of keys) await frame.locator(':focus').press(key);
    return true;
  },
  /** Types `text` into the element matching `selector` (an input) in the webview found by `marker`. */
  async webviewFill(page, { marker, selector, text, timeout = 10_000 }) {
    const frame = await webviewFrame(page, marker, timeout);
    await frame.locator(selector).first().fill(text);
    return true;
  },
  /** Chooses the option with value `value` of the select element matching `selector` in the webview found by `marker`. */
  async webviewSelect(page, { marker, selector, value, timeout = 10_000 }) {
    const frame = await webviewFrame(page, marker, timeout);
    await frame.locator(selector).first().selectOption(value);
    return true;
  },
};

/** Whether `e` says the frame went away (detached, or its document replaced) while it was used. */
function isGoneFrame(e) {
  return e instanceof Error && /Frame was detached|Execution context was destroyed|Target (page, context or browser )?closed/u.test(e.message);
}

/** The content frame of a webview whose document holds `marker` (a CSS selector). */
async function webviewFrame(page, marker, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const found = await frame.evaluate((m) => Boolean(globalThis.document?.querySelector(m)), marker).catch(() => false);
      if (found) return frame;
    }
    if (Date.now() > end) throw new Error(`no webview with ${marker} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Answers requests from the extension host until stop(). */
export async function startUiBridge(page, dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const done = new Set();
  let stopped = false;
  const answer = async (name) => {
    const id = name.slice(0, -'.request.json'.length);
    let response;
    try {
      const { action, ...args } = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
      if (!actions[action]) throw new Error(`unknown UI action ${action}`);
      response = { value: await actions[action](page, args) };
    } catch (e) {
      response = { error: e instanceof Error ? e.message : String(e) };
    }
    await writeFile(path.join(dir, `${id}.tmp`), JSON.stringify(response));
    await rename(path.join(dir, `${id}.tmp`), path.join(dir, `${id}.response.json`));
  };
  const loop = (async () => {
    while (!stopped) {
      for (const name of await readdir(dir).catch(() => [])) {
        if (name.endsWith('.request.json') && !done.has(name)) {
          done.add(name);
          await answer(name);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
