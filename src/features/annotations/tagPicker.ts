import vscode = require('vscode');
import { acceptedTags, type TagChoice, typedTagItems } from '../../core/annotations/tagChoices';

/**
 * Asks for tags: a multi-select quick pick of `choices` with `selected` ticked, where typing offers
 * a new tag. Undefined when the user cancels.
 */
export function pickTags(choices: readonly TagChoice[], selected: readonly string[] = []): Promise<string[] | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.title = vscode.l10n.t('Tag Passage');
  qp.placeholder = vscode.l10n.t('Choose tags, or type a new one');
  qp.canSelectMany = true;
  const offered = choices.map((k): vscode.QuickPickItem => ({ label: k.name, ...(k.description ? { description: k.description } : {}) }));
  qp.items = offered;
  qp.selectedItems = offered.filter((i) => selected.includes(i.label));
  const newLabel = vscode.l10n.t('new tag');
  qp.onDidChangeValue((value) => {
    const keep = qp.selectedItems;
    qp.items = typedTagItems(value, offered, keep, newLabel);
    qp.selectedItems = qp.items.filter((i) => keep.some((k) => k.label === i.label));
  });
  return new Promise<string[] | undefined>((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      resolve(acceptedTags(qp.selectedItems, qp.value));
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** Asks for an optional note (empty: none); undefined when the user cancels. */
export function askNote(value?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Note'),
    prompt: vscode.l10n.t('An optional note (Enter to skip)'),
    ...(value ? { value } : {}),
  });
}
