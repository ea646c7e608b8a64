import * as vscode from 'vscode';
import { DocumentModels } from './documentModels';
import { registerFolding } from './features/folding';
import { registerLanguageDetection } from './features/languageDetection';
import { registerOutline } from './features/outline';

export function activate(context: vscode.ExtensionContext): void {
  const models = new DocumentModels();
  context.subscriptions.push(
    models,
    registerLanguageDetection(),
    registerOutline(models),
    registerFolding(models),
  );
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
