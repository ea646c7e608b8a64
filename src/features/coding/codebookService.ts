import vscode = require('vscode');
import {
  CODEBOOK_PATH, type CodebookCode, type CodebookProblem, describeCodebookIssue, mergeTagDefinitions, parseCodebook,
  type TagDefinition, type TagSetting,
} from '../../core/coding/codebook';
import { TagColors } from '../../core/coding/colors';
import { Debounced } from '../../debounce';
import { readText } from '../annotations/sidecarFiles';

/** What the service knows of one workspace folder's codebook. */
interface FolderCodebook {
  readonly uri: vscode.Uri;
  /** The file exists (on disk, or as an untitled-to-be-saved buffer does not count). */
  exists: boolean;
  codes: CodebookCode[];
  problems: CodebookProblem[];
  /** The text the last problem message was shown for: shown once per text. */
  reported?: string;
}

/**
 * The tags of the `kamerstukken.tags` setting as written (colours not filled in; the only reader of
 * the setting). A resource setting: without a scope, its value for any resource, as VS Code asks.
 */
function tagSettings(scope?: vscode.ConfigurationScope): TagSetting[] {
  const raw = vscode.workspace.getConfiguration('kamerstukken', scope ?? null).get<unknown>('tags');
  if (!Array.isArray(raw)) return [];
  const out: TagSetting[] = [];
  for (const t of raw as unknown[]) {
    if (typeof t !== 'object' || t === null) continue;
    const { name, color, description } = t as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') continue;
    out.push({ name, ...(typeof color === 'string' ? { color } : {}), ...(typeof description === 'string' ? { description } : {}) });
  }
  return out;
}

function problemText(p: CodebookProblem): string {
  return describeCodebookIssue(p.issue, (message, ...args) => vscode.l10n.t(message, ...args));
}

/**
 * The shared codebook `.kamerstukken/codebook.yaml` of each workspace folder, read before the
 * `kamerstukken.tags` setting: its codes with the setting's tags merged in give every tag's
 * description, colour and memo. Watched (and, while it is open in an editor, read from the editor
 * as it is typed): `onDidChange` fires at once, and colours and pickers follow. A codebook with
 * errors is reported once per text with a button to open it at the line, used as far as it can be
 * read, and never written (see `codingEdits`).
 */
export class CodebookService implements vscode.Disposable {
  private readonly folders = new Map<string, FolderCodebook>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly typed = new Debounced(() => void this.reloadAll(), 250);
  /** Resolves when every folder's codebook was read once. */
  readonly ready: Promise<void>;

  constructor() {
    // Any codebook.yaml, matched against the folders' codebooks here (a glob through the dot folder missed new files).
    const watcher = vscode.workspace.createFileSystemWatcher('**/codebook.yaml');
    const changed = (uri: vscode.Uri): void => {
      const folder = [...this.folders.values()].find((f) => f.uri.path === uri.path);
      if (folder) void this.load(folder).then(() => this.emitter.fire());
    };
    // A codebook created with its folder (a checkout): the file's own event can come before the folder is watched.
    const folderWatcher = vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_PATH.slice(0, CODEBOOK_PATH.indexOf('/'))}`, false, true, true);
    const saved = (uri: vscode.Uri): void => { if (this.isCodebook(uri)) changed(uri); };
    this.disposables.push(
      watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed), this.typed,
      folderWatcher, folderWatcher.onDidCreate(() => this.typed.schedule()),
      // Saved or created from VS Code itself: no need to wait for the watcher.
      vscode.workspace.onDidSaveTextDocument((d) => saved(d.uri)),
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach(saved)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(saved)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => { this.ready.then(() => this.reloadAll(), () => undefined); }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isCodebook(e.document.uri)) this.typed.schedule();
      }),
      // Closing an editor with unsaved changes: the file on disk counts again.
      vscode.workspace.onDidCloseTextDocument((d) => { if (this.isCodebook(d.uri)) this.typed.schedule(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('kamerstukken.tags')) this.emitter.fire(); }),
    );
    this.ready = this.reloadAll();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private isCodebook(uri: vscode.Uri): boolean {
    return [...this.folders.values()].some((f) => f.uri.toString() === uri.toString());
  }

  private async reloadAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const keep = new Set(folders.map((f) => f.uri.toString()));
    for (const key of [...this.folders.keys()]) if (!keep.has(key)) this.folders.delete(key);
    await Promise.all(folders.map((f) => {
      const key = f.uri.toString();
      let entry = this.folders.get(key);
      if (!entry) this.folders.set(key, (entry = { uri: vscode.Uri.joinPath(f.uri, CODEBOOK_PATH), exists: false, codes: [], problems: [] }));
      return this.load(entry);
    }));
    this.emitter.fire();
  }

  /** Reads a folder's codebook: the editor's text while it has unsaved changes there, else the file. */
  private async load(entry: FolderCodebook): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.uri.toString() && d.isDirty);
    let text: string | undefined;
    try {
      text = open ? open.getText() : await readText(entry.uri, { keepBom: true });
    } catch (error) {
      entry.exists = true;
      entry.codes = [];
      entry.problems = [];
      void vscode.window.showErrorMessage(vscode.l10n.t('The codebook {0} could not be read: {1}', vscode.workspace.asRelativePath(entry.uri), error instanceof Error ? error.message : String(error)));
      return;
    }
    entry.exists = text !== undefined;
    const parsed = parseCodebook(text ?? '');
    entry.codes = parsed.codes;
    entry.problems = parsed.problems;
    if (parsed.problems.length === 0) entry.reported = undefined;
    else if (entry.reported !== text) {
      entry.reported = text;
      void this.report(entry);
    }
  }

  /** Shows a codebook's first problem with a button to open it at the line. */
  async report(entry: { readonly uri: vscode.Uri; readonly problems: readonly CodebookProblem[] }): Promise<void> {
    const p = entry.problems[0];
    if (!p) return;
    const file = vscode.workspace.asRelativePath(entry.uri);
    const message = p.line !== undefined
      ? vscode.l10n.t('The codebook {0} has an error on line {1}: {2}. Its other codes are used; it will not be changed until the error is fixed.', file, p.line, problemText(p))
      : vscode.l10n.t('The codebook {0} has an error: {1}. Its other codes are used; it will not be changed until the error is fixed.', file, problemText(p));
    const openLabel = vscode.l10n.t('Open Codebook');
    const choice = await vscode.window.showErrorMessage(message, openLabel);
    if (choice === openLabel) {
      const line = Math.max(0, (p.line ?? 1) - 1);
      await vscode.window.showTextDocument(entry.uri, { selection: new vscode.Range(line, 0, line, 0) });
    }
  }

  private folderOf(scope?: vscode.Uri): FolderCodebook | undefined {
    const folder = (scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  /** The codebook file of the folder of `scope` (else the first folder); undefined without a folder. */
  uriFor(scope?: vscode.Uri): vscode.Uri | undefined {
    const folder = (scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, CODEBOOK_PATH) : undefined;
  }

  /** Whether the folder of `scope` has a codebook file. */
  exists(scope?: vscode.Uri): boolean {
    return this.folderOf(scope)?.exists ?? false;
  }

  /** The codebook's valid codes, in file order. */
  codes(scope?: vscode.Uri): readonly CodebookCode[] {
    return this.folderOf(scope)?.codes ?? [];
  }

  problems(scope?: vscode.Uri): readonly CodebookProblem[] {
    return this.folderOf(scope)?.problems ?? [];
  }

  /** A problem in the user's language. */
  describe(problem: CodebookProblem): string {
    return problemText(problem);
  }

  /** Every defined tag: the codebook's codes, then the setting's tags it does not define. */
  definitions(scope?: vscode.Uri): TagDefinition[] {
    return mergeTagDefinitions(this.codes(scope), tagSettings(scope));
  }

  /** The colours of the definitions (a tag without one takes its nearest ancestor's). */
  colors(scope?: vscode.Uri): TagColors {
    return new TagColors(this.definitions(scope));
  }
}
