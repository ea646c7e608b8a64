import vscode = require('vscode');
import { type CodebookProblem, describeCodebookIssue } from '../../core/coding/codebook';
import { planAddCodes, planCodeMemo } from '../../core/coding/codebookEdit';
import { codersOf } from '../../core/coding/coders';
import { isValidTagPath, normalizeTag } from '../../core/coding/tags';
import type { AnnotationStore } from '../annotations/store';
import { baseName } from '../annotations/sidecarFiles';
import type { CorpusService } from '../corpus';
import type { CodebookService } from './codebookService';
import { type CoderVisibility, currentCoder, ensureCoder } from './coder';
import { applyFileChanges, editorText } from './fileEdits';
import { renameTag, tagArg } from './renameTag';

/** What the coding commands work with. */
export interface CodingContext {
  readonly store: AnnotationStore;
  readonly corpus: CorpusService;
  readonly codebook: CodebookService;
  readonly visibility: CoderVisibility;
  readonly memento: vscode.Memento;
}

type Cmd = (...args: unknown[]) => unknown;

function fields(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
}

/** Tags given as `{ tags }`, `{ tag }`, a string or a view row. */
function tagsArg(raw: unknown): string[] {
  const f = fields(raw);
  if (Array.isArray(f.tags)) return f.tags.filter((t): t is string => typeof t === 'string');
  const one = tagArg(raw);
  return one === undefined ? [] : [one];
}

function codebookError(problems: readonly CodebookProblem[]): string {
  const p = problems[0];
  const text = p ? describeCodebookIssue(p.issue, (m, ...a) => vscode.l10n.t(m, ...a)) : '';
  return p?.line !== undefined
    ? vscode.l10n.t('The codebook was not changed: it has an error on line {0}: {1}.', p.line, text)
    : vscode.l10n.t('The codebook was not changed: it has an error: {0}.', text);
}

/** Plans an edit of the codebook text and carries it out; false (and the user told) when it cannot be. */
async function editCodebook(ctx: CodingContext, label: string, plan: (text: string | undefined) => ReturnType<typeof planAddCodes>): Promise<boolean> {
  const uri = ctx.codebook.uriFor();
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to keep a codebook in it.'));
    return false;
  }
  const before = await editorText(uri);
  const planned = plan(before);
  if (!planned.ok) {
    const open = vscode.l10n.t('Open Codebook');
    void vscode.window.showErrorMessage(codebookError(planned.problems), open).then(async (c) => {
      if (c === open) await vscode.window.showTextDocument(uri);
    });
    return false;
  }
  if (planned.changed === 0) return true;
  const applied = await applyFileChanges([{ uri, before, after: planned.text }], label);
  if (applied !== 'applied') void vscode.window.showErrorMessage(vscode.l10n.t('The codebook was not changed: it changed meanwhile. Try again.'));
  return applied === 'applied';
}

/** Add to Codebook: `{ tags }` (or a view row): adds the codes the codebook lacks, nothing else. Returns whether it is done. */
const addTagToCodebook = (ctx: CodingContext) => async (raw?: unknown): Promise<boolean> => {
  const tags = tagsArg(raw).filter(isValidTagPath).map(normalizeTag);
  if (tags.length === 0) return false;
  return editCodebook(ctx, vscode.l10n.t('Add to codebook'), (text) => planAddCodes(text, tags));
};

/** Edit Tag Memo: `{ tag, memo }` (or a view row, then asked). An empty memo removes it. */
const editTagMemo = (ctx: CodingContext) => async (raw?: unknown): Promise<boolean> => {
  const tag = tagArg(raw);
  if (tag === undefined || !isValidTagPath(tag)) return false;
  const name = normalizeTag(tag);
  await ctx.codebook.ready;
  let memo = fields(raw).memo;
  if (typeof memo !== 'string') {
    const current = ctx.codebook.codes().find((c) => c.name === name)?.memo;
    memo = await vscode.window.showInputBox({
      title: vscode.l10n.t('Memo for the Tag "{0}"', name),
      prompt: vscode.l10n.t('Kept in the codebook for the whole team: how to apply the tag, doubts, decisions. Empty removes it.'),
      ...(current ? { value: current } : {}),
      ignoreFocusOut: true,
    });
    if (memo === undefined) return false;
  }
  const text = memo as string;
  return editCodebook(ctx, vscode.l10n.t('Edit tag memo'), (before) => planCodeMemo(before, name, text));
};

/** Edit Document Memo: `{ uri, memo }` (or a document row of the view, then asked). Kept as `memo` in the document's annotations file. */
const editDocumentMemo = (ctx: CodingContext) => async (raw?: unknown): Promise<boolean> => {
  const f = fields(raw);
  const given = f.uri ?? (typeof f.doc === 'object' && f.doc !== null ? (f.doc as Record<string, unknown>).uri : undefined);
  const uri = given instanceof vscode.Uri ? given : typeof given === 'string' ? vscode.Uri.parse(given) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const state = await ctx.store.ready(document);
  if (state.broken) {
    void ctx.store.offerToOpen(state);
    return false;
  }
  let memo = f.memo;
  if (typeof memo !== 'string') {
    memo = await vscode.window.showInputBox({
      title: vscode.l10n.t('Memo for {0}', baseName(uri)),
      prompt: vscode.l10n.t('Kept with the document\'s annotations: what stands out, what to check. Empty removes it.'),
      ...(state.memo ? { value: state.memo } : {}),
      ignoreFocusOut: true,
    });
    if (memo === undefined) return false;
  }
  return ctx.store.setMemo(document, memo as string);
};

/** Toggle Blind Coding (`{ on }` sets it): only one's own annotations are shown. Returns the new state. */
const toggleBlindCoding = (ctx: CodingContext) => async (raw?: unknown): Promise<boolean> => {
  const on = typeof fields(raw).on === 'boolean' ? fields(raw).on as boolean : !ctx.visibility.blind;
  if (on) await ensureCoder(ctx.memento, raw === undefined);
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('kamerstukken').update('blindCoding', on, target);
  const me = currentCoder();
  if (raw === undefined) {
    void vscode.window.showInformationMessage(!on ? vscode.l10n.t('Blind coding is off: every coder\'s annotations are shown.')
      : me ? vscode.l10n.t('Blind coding is on: only your annotations ({0}) are shown.', me)
        : vscode.l10n.t('Blind coding is on: only annotations without a coder are shown. Set your name in the setting kamerstukken.coder.'));
  }
  return on;
};

/** Filter by Coder: `{ coders }` (`''` for annotations without a coder; null shows all), else chosen. Returns the filter. */
const filterByCoder = (ctx: CodingContext) => async (raw?: unknown): Promise<readonly string[] | undefined> => {
  const f = fields(raw);
  if (f.coders === null) {
    ctx.visibility.coderFilter = undefined;
    return undefined;
  }
  if (Array.isArray(f.coders)) {
    ctx.visibility.coderFilter = f.coders.filter((c): c is string => typeof c === 'string').map((c) => c.trim());
    return ctx.visibility.coderFilter;
  }
  await ctx.corpus.ready;
  const all = ctx.corpus.documents().flatMap((d) => d.annotations);
  const current = ctx.visibility.coderFilter;
  const items = [...codersOf(all).map((c) => ({ label: c, coder: c })), { label: vscode.l10n.t('(no coder)'), coder: '' }]
    .map((i) => ({ ...i, picked: current ? current.includes(i.coder) : true }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Filter Annotations by Coder'), placeHolder: vscode.l10n.t('Whose annotations does the view list?'), canPickMany: true,
  });
  if (!chosen) return current;
  // All or none ticked: no filter.
  ctx.visibility.coderFilter = chosen.length === items.length || chosen.length === 0 ? undefined : chosen.map((c) => c.coder);
  return ctx.visibility.coderFilter;
};

const COMMANDS: Record<string, (ctx: CodingContext) => Cmd> = {
  'kamerstukken.renameTag': renameTag,
  'kamerstukken.addTagToCodebook': addTagToCodebook,
  'kamerstukken.editTagMemo': editTagMemo,
  'kamerstukken.editDocumentMemo': editDocumentMemo,
  'kamerstukken.toggleBlindCoding': toggleBlindCoding,
  'kamerstukken.filterAnnotationsByCoder': filterByCoder,
  'kamerstukken.clearCoderFilter': (ctx) => () => { ctx.visibility.coderFilter = undefined; },
};

/** The coding commands: rename and merge tags, the codebook, memos, blind coding, the coder filter. */
export function registerCodingCommands(ctx: CodingContext): vscode.Disposable {
  return vscode.Disposable.from(...Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx))));
}
