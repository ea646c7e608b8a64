import vscode = require('vscode');
import type { CorpusService } from '../corpus';
import { importQdpx } from './import';

export { exportRefi, refiFormatOf, type RefiFormat } from './export';
export type { ImportSummary } from './import';

/** REFI-QDA import (`kamerstukken.importQdpx`); the export is a format of Export Annotations. */
export function registerRefiImport(corpus: CorpusService): vscode.Disposable {
  return vscode.commands.registerCommand('kamerstukken.importQdpx', (raw?: unknown) => importQdpx(corpus, raw));
}
