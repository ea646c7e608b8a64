import vscode = require('vscode');
import type { IndexProblem, PassFigures } from './types';

const MAX_FILES_SETTING = 'kamerstukken.corpus.maxFiles';
const MAX_FILE_SIZE_SETTING = 'kamerstukken.corpus.maxFileSizeMB';

function describe(p: IndexProblem): string {
  switch (p.kind) {
    case 'unreadable': return vscode.l10n.t('could not be read: {0}', p.detail);
    case 'unreadableFolder': return vscode.l10n.t('folder could not be read: {0}', p.detail);
    case 'binary': return vscode.l10n.t('is not text (binary); not indexed');
    case 'tooLarge': return vscode.l10n.t('is larger than the limit ({0}); not indexed. The setting {1} raises the limit.', p.detail, MAX_FILE_SIZE_SETTING);
    case 'brokenSidecar': return vscode.l10n.t('annotations file has errors ({0}); its valid annotations are listed', p.detail);
  }
}

/**
 * Tells the user, once per problem, about files the index could not (fully) read: each in the
 * output channel "Kamerstukken: Corpus", and one notification per pass that found new ones
 * (counts only, with a button to the list). A workspace larger than the file limit gets a
 * message that names the limit and the setting that raises it.
 */
export class CorpusProblemReporter implements vscode.Disposable {
  private channel?: vscode.OutputChannel;
  private readonly reported = new Set<string>();
  private reportedLimit?: number;
  /** Problems reported so far (keys), for the tests. */
  readonly log: string[] = [];
  /** Notifications shown so far, for the tests. */
  readonly notifications: string[] = [];

  dispose(): void {
    this.channel?.dispose();
  }

  private output(): vscode.OutputChannel {
    this.channel ??= vscode.window.createOutputChannel(vscode.l10n.t('Kamerstukken: Corpus'));
    return this.channel;
  }

  report(problems: readonly IndexProblem[], pass: PassFigures): void {
    const fresh: IndexProblem[] = [];
    for (const p of problems) {
      const key = `${p.kind}|${p.uri.toString()}|${p.detail}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.log.push(key);
      fresh.push(p);
    }
    if (fresh.length > 0) {
      const out = this.output();
      for (const p of fresh) out.appendLine(`${vscode.workspace.asRelativePath(p.uri, false)}: ${describe(p)}`);
      const broken = fresh.filter((p) => p.kind === 'brokenSidecar').length;
      const message = fresh.length === 1
        ? vscode.l10n.t('Kamerstukken: 1 file could not be indexed fully ({0} with errors in annotations files). Nothing was changed; the other files are indexed.', broken)
        : vscode.l10n.t('Kamerstukken: {0} files could not be indexed fully ({1} with errors in annotations files). Nothing was changed; the other files are indexed.', fresh.length, broken);
      this.notify(message, () => out.show(true));
    }
    if (pass.limit && this.reportedLimit !== pass.limit.limit) {
      this.reportedLimit = pass.limit.limit;
      const message = vscode.l10n.t('Kamerstukken: the workspace has {0} texts and annotations files; only {1} are indexed (the limit). The setting {2} raises the limit.', pass.limit.found, pass.limit.limit, MAX_FILES_SETTING);
      this.output().appendLine(message);
      this.notify(message, () => void vscode.commands.executeCommand('workbench.action.openSettings', MAX_FILES_SETTING), vscode.l10n.t('Open Setting'));
    }
  }

  private notify(message: string, action: () => void, label = vscode.l10n.t('Show Details')): void {
    this.notifications.push(message);
    void vscode.window.showWarningMessage(message, label).then((choice) => { if (choice === label) action(); });
  }
}
