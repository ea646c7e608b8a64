import vscode = require('vscode');
import { planCodebookRename, planSidecarRename, renamedTag, type TagRename } from '../../core/coding/rename';
import { compareTags, isValidTagPath, normalizeTag, tagSegments } from '../../core/coding/tags';
import type { CorpusService } from '../corpus';
import type { CodebookService } from './codebookService';
import { applyFileChanges, editorText, type FileChange } from './fileEdits';

/** What Rename Tag works with. */
export interface RenameContext {
  readonly corpus: CorpusService;
  readonly codebook: CodebookService;
}

/** What Rename Tag did: annotations changed, in how many annotation files, codes of the codebook changed, whether it merged. */
export interface RenameResult {
  readonly from: string;
  readonly to: string;
  readonly merged: boolean;
  readonly annotations: number;
  readonly files: number;
  readonly codes: number;
}

/** The tag a command is given: a string, `{ tag }`, or a row of the Annotations view (`{ kind: 'tag', path }`). */
export function tagArg(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (typeof o.path === 'string') return o.path;
    if (typeof o.tag === 'string') return o.tag;
  }
  return undefined;
}

/** Every tag known: used in the workspace or defined (codebook, setting), with its count. */
async function knownTags(ctx: RenameContext): Promise<Map<string, number>> {
  await ctx.corpus.ready;
  await ctx.codebook.ready;
  const counts = new Map<string, number>();
  for (const [tag, n] of ctx.corpus.tags()) counts.set(normalizeTag(tag), (counts.get(normalizeTag(tag)) ?? 0) + n);
  for (const d of ctx.codebook.definitions()) if (!counts.has(d.name)) counts.set(d.name, 0);
  return counts;
}

async function askRename(ctx: RenameContext, given: string | undefined): Promise<TagRename | undefined> {
  const known = await knownTags(ctx);
  let from = given;
  if (from === undefined) {
    const items = [...known].sort((a, b) => compareTags(a[0], b[0])).map(([tag, n]) => ({
      label: tag, description: n === 1 ? vscode.l10n.t('1 annotation') : vscode.l10n.t('{0} annotations', n),
    }));
    from = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Rename or Merge Tag'), placeHolder: vscode.l10n.t('Which tag?') }))?.label;
    if (from === undefined) return undefined;
  }
  const source = from;
  const to = await vscode.window.showInputBox({
    title: vscode.l10n.t('Rename or Merge Tag'),
    prompt: vscode.l10n.t('The new name of "{0}" (and its sub-tags). The name of an existing tag merges the two. Use / for levels.', source),
    value: source,
    valueSelection: [source.lastIndexOf('/') + 1, source.length],
    validateInput: (v) => {
      if (!isValidTagPath(v)) return vscode.l10n.t('A tag needs a name, and no empty name between two "/".');
      if (normalizeTag(v) === normalizeTag(source)) return vscode.l10n.t('That is its name now.');
      return undefined;
    },
  });
  return to === undefined ? undefined : { from: source, to };
}

/** Shows files that could not be read or have errors, with a button to open the first. */
async function reportBroken(files: readonly vscode.Uri[]): Promise<void> {
  const open = vscode.l10n.t('Open');
  const names = files.map((f) => vscode.workspace.asRelativePath(f)).join(', ');
  const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Nothing was renamed: {0} could not be read or has errors. Fix it and rename again.', names), open);
  if (choice === open && files[0]) await vscode.window.showTextDocument(files[0]);
}

/** The changes a rename makes to every sidecar and the codebook, or the files that stop it. */
async function planWorkspace(ctx: RenameContext, rename: TagRename): Promise<{ changes: FileChange[]; annotations: number; files: number; codes: number } | { broken: vscode.Uri[] }> {
  await ctx.corpus.ready;
  await ctx.corpus.refresh();
  const changes: FileChange[] = [];
  const broken: vscode.Uri[] = [];
  let annotations = 0;
  let files = 0;
  const name = tagSegments(rename.from)[0] ?? '';
  await Promise.all(ctx.corpus.documents().map(async (d) => {
    const sidecar = d.sidecar;
    // Only files that may hold the tag are read: their listed tags say so (a broken file's may not all be listed).
    if (!sidecar || (!d.broken && !d.annotations.some((a) => a.tags.some((t) => renamedTag(t, rename) !== undefined)))) return;
    const text = await editorText(sidecar).catch(() => undefined);
    if (text === undefined) return;
    if (d.broken && !text.includes(name)) return;
    const plan = planSidecarRename(text, rename);
    if (!plan.ok) { broken.push(sidecar); return; }
    if (plan.changed === 0) return;
    changes.push({ uri: sidecar, before: text, after: plan.text });
    annotations += plan.changed;
    files++;
  }));
  let codes = 0;
  const codebook = ctx.codebook.uriFor();
  const text = codebook ? await editorText(codebook).catch(() => undefined) : undefined;
  if (codebook && text !== undefined) {
    const plan = planCodebookRename(text, rename);
    if (!plan.ok) broken.push(codebook);
    else if (plan.changed > 0) {
      changes.push({ uri: codebook, before: text, after: plan.text });
      codes = plan.changed;
    }
  }
  if (broken.length > 0) return { broken };
  return { changes, annotations, files, codes };
}

function summary(r: RenameResult): string {
  const what = r.annotations === 1 ? vscode.l10n.t('1 annotation in 1 file') : r.files === 1
    ? vscode.l10n.t('{0} annotations in 1 file', r.annotations) : vscode.l10n.t('{0} annotations in {1} files', r.annotations, r.files);
  const book = r.codes > 0 ? ` ${vscode.l10n.t('The codebook was updated.')}` : '';
  return r.merged
    ? vscode.l10n.t('Merged "{0}" into "{1}": {2}.', r.from, r.to, what) + book
    : vscode.l10n.t('Renamed "{0}" to "{1}": {2}.', r.from, r.to, what) + book;
}

/**
 * Rename Tag: `{ from, to }` (a tag of the Annotations view, or asked). Renaming to a tag that
 * exists merges the two; sub-tags follow (`from/x` → `to/x`). Every affected annotations file and
 * the codebook change as one Workspace Edit (one Undo), each with the smallest change; a file that
 * cannot be read stops it before anything changes. Returns what changed.
 */
export const renameTag = (ctx: RenameContext) => async (raw?: unknown): Promise<RenameResult | undefined> => {
  const o = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
  const given = typeof o.from === 'string' && typeof o.to === 'string' ? { from: o.from, to: o.to } : undefined;
  const rename = given ?? await askRename(ctx, typeof o.from === 'string' ? o.from : tagArg(raw));
  if (!rename) return undefined;
  if (!isValidTagPath(rename.from) || !isValidTagPath(rename.to)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Not a tag: "{0}". A tag needs a name, and no empty name between two "/".', isValidTagPath(rename.from) ? rename.to : rename.from));
    return undefined;
  }
  const from = normalizeTag(rename.from);
  const to = normalizeTag(rename.to);
  const merged = (await knownTags(ctx)).has(to);
  const plan = await planWorkspace(ctx, { from, to });
  if ('broken' in plan) {
    void reportBroken(plan.broken);
    return undefined;
  }
  const result: RenameResult = { from, to, merged, annotations: plan.annotations, files: plan.files, codes: plan.codes };
  if (plan.changes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No annotation or code has the tag "{0}".', from));
    return result;
  }
  const applied = await applyFileChanges(plan.changes, vscode.l10n.t('Rename tag "{0}" to "{1}"', from, to));
  if (applied !== 'applied') {
    void vscode.window.showErrorMessage(applied === 'changedMeanwhile'
      ? vscode.l10n.t('Nothing was renamed: an annotations file changed while the rename was prepared. Try again.')
      : vscode.l10n.t('Nothing was renamed: VS Code did not apply the change.'));
    return undefined;
  }
  void vscode.window.showInformationMessage(summary(result));
  return result;
};
