import vscode = require('vscode');
import { type Coded, type CoderView, filtersCoders, isVisible } from '../../core/coding/coders';

const ASKED_KEY = 'kamerstukken.coderAsked';

/** The setting `kamerstukken.coder`, trimmed; undefined when empty. */
export function currentCoder(): string | undefined {
  const v = vscode.workspace.getConfiguration('kamerstukken').get<unknown>('coder');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** The part of the git extension's API used here (https://github.com/microsoft/vscode/blob/main/extensions/git/src/api/git.d.ts). */
interface GitApi {
  readonly repositories: readonly { getConfig(key: string): Promise<string>; getGlobalConfig(key: string): Promise<string> }[];
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/**
 * git's `user.name`, when the git extension is there and answers within a moment; undefined
 * otherwise (no git extension: VS Code for the Web, git disabled; no repository; any error).
 */
async function gitUserName(): Promise<string | undefined> {
  try {
    const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!ext) return undefined;
    const ask = async (): Promise<string | undefined> => {
      const exports = ext.isActive ? ext.exports : await ext.activate();
      const repo = exports?.getAPI(1).repositories[0];
      if (!repo) return undefined;
      const name = (await repo.getConfig('user.name').catch(() => '')) || (await repo.getGlobalConfig('user.name').catch(() => ''));
      return name.trim() || undefined;
    };
    return await Promise.race([ask(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000))]);
  } catch {
    return undefined;
  }
}

/**
 * The coder to record with a new annotation: the setting; when it is empty and the user is at the
 * keyboard (`interactive`), asked once (suggesting git's user name) and saved in the user settings.
 * Asked once: cancelling leaves annotations without a coder, and the question is not repeated.
 */
export async function ensureCoder(memento: vscode.Memento, interactive: boolean): Promise<string | undefined> {
  const set = currentCoder();
  if (set || !interactive || memento.get<boolean>(ASKED_KEY)) return set;
  await memento.update(ASKED_KEY, true);
  const suggestion = await gitUserName();
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Your Name as Coder'),
    prompt: vscode.l10n.t('Recorded as "coder" with every annotation you make, so that the work of several coders can be compared. Change it later in the setting kamerstukken.coder; leave empty to record no name.'),
    ...(suggestion ? { value: suggestion } : {}),
    ignoreFocusOut: true,
  });
  if (!name?.trim()) return undefined;
  await vscode.workspace.getConfiguration('kamerstukken').update('coder', name.trim(), vscode.ConfigurationTarget.Global);
  return name.trim();
}

/** Who sees which annotations: blind coding (everywhere) and the Annotations view's coder filter. */
export class CoderVisibility implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when blind coding, the coder or the view's filter changes. */
  readonly onDidChange = this.emitter.event;
  private filter: readonly string[] | undefined;
  /**
   * Blind coding and the coder as the settings give them, read once until they change: the
   * Annotations view, the highlights and the count ask per annotation (10,000 in a corpus), and a
   * configuration read costs more than the check itself.
   */
  private settings?: CoderView;
  /** The settings with the view's filter (made again when either changes). */
  private list?: CoderView;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor() {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kamerstukken.blindCoding') || e.affectsConfiguration('kamerstukken.coder')) {
        this.settings = undefined;
        this.list = undefined;
        this.changed();
      }
    }));
    this.updateContext();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  get blind(): boolean {
    return this.editorView.blind === true;
  }

  /** Blind coding alone: what the editor (highlights, hover, count) shows. */
  get editorView(): CoderView {
    if (!this.settings) {
      const me = currentCoder();
      this.settings = { blind: vscode.workspace.getConfiguration('kamerstukken').get<boolean>('blindCoding') === true, ...(me ? { me } : {}) };
    }
    return this.settings;
  }

  /** Blind coding and the view's coder filter. */
  get listView(): CoderView {
    this.list ??= { ...this.editorView, ...(this.filter ? { coders: this.filter } : {}) };
    return this.list;
  }

  /** Shown in the editor (highlights, hover, status bar count). */
  visible(a: Coded): boolean {
    return isVisible(a, this.editorView);
  }

  /** Listed in the Annotations view. */
  listed(a: Coded): boolean {
    return isVisible(a, this.listView);
  }

  /** The view's coder filter (undefined: every coder). */
  get coderFilter(): readonly string[] | undefined {
    return this.filter;
  }

  set coderFilter(coders: readonly string[] | undefined) {
    this.filter = coders ? [...coders] : undefined;
    this.list = undefined;
    this.changed();
  }

  /** Whether the view hides anything. */
  get filtering(): boolean {
    return filtersCoders(this.listView);
  }

  private changed(): void {
    this.updateContext();
    this.emitter.fire();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'kamerstukken.blindCoding', this.blind);
    void vscode.commands.executeCommand('setContext', 'kamerstukken.coderFilter', this.filter !== undefined);
  }
}
