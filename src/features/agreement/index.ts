import vscode = require('vscode');
import { computeAgreement } from '../../core/coding/agreement';
import { type AgreementArgs, agreementArgs, type AgreementArgsError, hasAgreementArgs } from '../../core/coding/agreementArgs';
import type { DocumentModels } from '../../documentModels';
import { isAnnotatable } from '../annotations/store';
import type { CorpusService } from '../corpus';
import { agreementInputs } from './collect';
import type { AgreementResult } from './html';
import { registerRestore } from '../webviewRestore';
import { AGREEMENT_VIEW_TYPE, AgreementReportPanel } from './panel';

export type { AgreementResult } from './html';

export interface AgreementContext {
  readonly corpus: CorpusService;
  readonly models: DocumentModels;
  /** Resolves when the editor has loaded an open document's annotations. */
  readonly ready?: (document: vscode.TextDocument) => Promise<unknown>;
}

function argsError(e: AgreementArgsError): string {
  switch (e.kind) {
    case 'unit': return vscode.l10n.t('Unknown unit "{0}": use block or character.', e.value);
    case 'scope': return vscode.l10n.t('Unknown scope "{0}": use document or workspace.', e.value);
    case 'names': return e.field === 'coders'
      ? vscode.l10n.t('"coders" must be a list of names.')
      : vscode.l10n.t('"tags" must be a list of tags.');
  }
}

/** The active editor's document, if it can have annotations. */
function activeDocument(): vscode.TextDocument | undefined {
  const d = vscode.window.activeTextEditor?.document;
  return d && isAnnotatable(d) ? d : undefined;
}

/**
 * Computes the agreement for the arguments: from the corpus index, of the workspace or of
 * `document`. Undefined (and the user told) for scope "document" without a document.
 */
async function computeAgreementFor(ctx: AgreementContext, args: AgreementArgs, document: vscode.TextDocument | undefined): Promise<AgreementResult | undefined> {
  if (args.scope === 'document' && !document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a parliamentary text to compare its coders, or compare those of the whole workspace.'));
    return undefined;
  }
  if (args.scope === 'document' && document && ctx.ready) await ctx.ready(document);
  const inputs = await agreementInputs(ctx.corpus, ctx.models, args.scope, document, args.coders);
  const report = computeAgreement(inputs.documents, {
    unit: args.unit, ...(args.coders ? { coders: args.coders } : {}), ...(args.tags ? { tags: args.tags } : {}),
  });
  return {
    unit: args.unit,
    scope: args.scope,
    coders: report.coders,
    documents: inputs.documents.length,
    overall: report.overall,
    tags: report.tags,
    disagreements: report.disagreements.map((d) => ({ ...d, uri: inputs.uris.get(d.document)?.toString() ?? '' })),
    withoutCoder: inputs.withoutCoder,
    unreadable: inputs.unreadable,
  };
}

/** Test-only command (registered in test mode only, not in the manifest): restores a report panel from a saved state. */
const RESTORE_FOR_TESTS = 'kamerstukken.restoreAgreementForTests';

/**
 * Intercoder agreement (`kamerstukken.agreement`). With arguments `{ coders?, tags?, unit?, scope? }`
 * it returns the figures as data and shows nothing; without, it also shows the report, which is
 * restored after a reload. With `testCommands`, also the command that restores one for the tests.
 */
export function registerAgreement(ctx: AgreementContext, { testCommands = false } = {}): vscode.Disposable {
  const panel = new AgreementReportPanel((args, document) => computeAgreementFor(ctx, args, document));
  const command = vscode.commands.registerCommand('kamerstukken.agreement', async (raw?: unknown): Promise<AgreementResult | undefined> => {
    const withArgs = hasAgreementArgs(raw);
    const parsed = agreementArgs(withArgs ? raw : undefined);
    if ('error' in parsed) {
      void vscode.window.showErrorMessage(argsError(parsed.error));
      return undefined;
    }
    const document = activeDocument();
    const result = await computeAgreementFor(ctx, parsed.args, document);
    if (result && !withArgs) panel.show(result, parsed.args, document);
    return result;
  });
  const restore = registerRestore(AGREEMENT_VIEW_TYPE, { deserializeWebviewPanel: (p, state) => panel.restore(p, state) }, testCommands ? RESTORE_FOR_TESTS : undefined);
  return vscode.Disposable.from(command, panel, restore);
}
