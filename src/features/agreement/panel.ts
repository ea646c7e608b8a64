import vscode = require('vscode');
import { type AgreementArgs, agreementArgs } from '../../core/coding/agreementArgs';
import { agreementHtml, type AgreementResult, type ReportWords } from './html';

type Compute = (args: AgreementArgs, document: vscode.TextDocument | undefined) => Promise<AgreementResult | undefined>;

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function words(r: AgreementResult): ReportWords {
  const lang = vscode.env.language;
  const number = (digits: number): Intl.NumberFormat => new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const unit = r.unit === 'block' ? vscode.l10n.t('question and answer blocks') : vscode.l10n.t('characters');
  const coders = r.coders.length > 0 ? r.coders.join(', ') : vscode.l10n.t('none');
  return {
    title: vscode.l10n.t('Intercoder Agreement'),
    lang,
    unitLabel: vscode.l10n.t('Unit'),
    units: { block: vscode.l10n.t('Question and answer blocks'), character: vscode.l10n.t('Characters') },
    scopeLabel: vscode.l10n.t('Documents'),
    scopes: { document: vscode.l10n.t('This document'), workspace: vscode.l10n.t('All documents in the workspace') },
    refresh: vscode.l10n.t('Compute'),
    summary: r.documents === 1
      ? vscode.l10n.t('Coders: {0}. Units: {1}, in 1 document.', coders, unit)
      : vscode.l10n.t('Coders: {0}. Units: {1}, in {2} documents.', coders, unit, r.documents),
    tooFewCoders: vscode.l10n.t('Agreement needs annotations of at least two coders (the coder of an annotation is its "coder" in the annotations file).'),
    ...(r.withoutCoder > 0 ? { withoutCoder: vscode.l10n.t('{0} annotations without a coder are left out.', r.withoutCoder) } : {}),
    ...(r.unreadable.length > 0 ? { unreadable: vscode.l10n.t('Left out, could not be read: {0}', r.unreadable.join(', ')) } : {}),
    figures: vscode.l10n.t('Agreement per tag and overall'),
    headers: {
      tag: vscode.l10n.t('Tag'), units: vscode.l10n.t('Units'), percent: vscode.l10n.t('Percent agreement'),
      kappa: vscode.l10n.t("Cohen's κ"), alpha: vscode.l10n.t("Krippendorff's α"), applied: vscode.l10n.t('Units tagged per coder'),
    },
    overall: vscode.l10n.t('All tags'),
    reasons: {
      noUnits: vscode.l10n.t('no units coded by two coders'),
      noVariation: vscode.l10n.t('no variation: every value is the same'),
      notTwoCoders: vscode.l10n.t('only for two coders'),
    },
    disagreements: vscode.l10n.t('Disagreements'),
    noDisagreements: vscode.l10n.t('The coders agree on every unit.'),
    appliedBy: (a, n) => vscode.l10n.t('tagged by {0}; not by {1}', a, n),
    characters: (s, e) => vscode.l10n.t('characters {0}–{1}', s, e),
    more: (n) => vscode.l10n.t('… and {0} more (the command returns them all as data).', n),
    nobody: vscode.l10n.t('nobody'),
    percent: (v) => percent.format(v),
    decimal: (v) => number(3).format(v),
    count: (v) => count.format(v),
  };
}

export const AGREEMENT_VIEW_TYPE = 'kamerstukken.agreement';
const PANEL_OPTIONS: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };

/** What the report's page saves, to be computed again after a reload: the arguments and the document of scope "document". */
interface SavedReport {
  readonly args: AgreementArgs;
  readonly document?: string;
}

/** The report's webview: one panel, shown again and updated on each run, restored after a reload. */
export class AgreementReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private result: AgreementResult | undefined;
  private args: AgreementArgs | undefined;
  private document: vscode.TextDocument | undefined;

  constructor(private readonly compute: Compute) {}

  show(result: AgreementResult, args: AgreementArgs, document: vscode.TextDocument | undefined): void {
    this.result = result;
    this.args = args;
    this.document = document ?? this.document;
    if (this.panel) this.panel.reveal();
    const panel = this.panel ?? this.adopt(vscode.window.createWebviewPanel(AGREEMENT_VIEW_TYPE, vscode.l10n.t('Intercoder Agreement'), vscode.ViewColumn.Active, PANEL_OPTIONS));
    const state: SavedReport = { args, ...(args.scope === 'document' && this.document ? { document: this.document.uri.toString() } : {}) };
    panel.webview.html = agreementHtml(result, words(result), { nonce: nonce(), cspSource: panel.webview.cspSource, state });
  }

  /**
   * Takes over a panel VS Code restores after a reload and computes the report again with the
   * arguments its page saved; for a document that is gone (or none saved), the workspace's.
   */
  async restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const f = typeof saved === 'object' && saved !== null ? saved as Partial<Record<keyof SavedReport, unknown>> : {};
    const parsed = agreementArgs(f.args);
    let args: AgreementArgs = 'args' in parsed ? parsed.args : { unit: 'block', scope: 'workspace' };
    const document = typeof f.document === 'string' && args.scope === 'document'
      ? await Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(f.document))).catch(() => undefined) : undefined;
    if (args.scope === 'document' && !document) args = { ...args, scope: 'workspace' };
    this.panel?.dispose();
    panel.title = vscode.l10n.t('Intercoder Agreement');
    this.adopt(panel);
    const result = await this.compute(args, document);
    if (result && this.panel === panel) this.show(result, args, document);
  }

  private adopt(panel: vscode.WebviewPanel): vscode.WebviewPanel {
    this.panel = panel;
    panel.webview.options = PANEL_OPTIONS;
    panel.onDidDispose(() => { if (this.panel === panel) this.panel = undefined; });
    panel.webview.onDidReceiveMessage((m: unknown) => { if (this.panel === panel) void this.onMessage(m); });
    return panel;
  }

  private async onMessage(m: unknown): Promise<void> {
    if (typeof m !== 'object' || m === null) return;
    const msg = m as { type?: unknown; index?: unknown; unit?: unknown; scope?: unknown };
    if (msg.type === 'open' && typeof msg.index === 'number') await this.open(msg.index);
    if (msg.type === 'run' && this.args) {
      const unit = msg.unit === 'character' ? 'character' : 'block';
      const scope = msg.scope === 'document' ? 'document' : 'workspace';
      const args: AgreementArgs = { ...this.args, unit, scope };
      const result = await this.compute(args, this.document);
      if (result) this.show(result, args, this.document);
    }
  }

  /** Opens the document of a disagreement with its unit selected. */
  private async open(index: number): Promise<void> {
    const d = this.result?.disagreements[index];
    if (!d || !d.uri) return;
    const uri = vscode.Uri.parse(d.uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const range = new vscode.Range(document.positionAt(d.start), document.positionAt(d.end));
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(range.start, range.end), viewColumn: vscode.ViewColumn.One, preserveFocus: false });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
