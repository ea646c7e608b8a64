import vscode = require('vscode');

/**
 * Restores a webview panel after a window reload: registers `serializer` for `viewType` (the
 * manifest activates the extension with `onWebviewPanel:<viewType>`). With `testCommand` (test mode
 * only, not in the manifest), also a command that opens a new panel of that type and hands it with
 * the state given to the same serializer, as VS Code does after a reload (which a test cannot do).
 */
export function registerRestore(viewType: string, serializer: vscode.WebviewPanelSerializer, testCommand?: string): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(viewType, serializer),
    ...(testCommand ? [vscode.commands.registerCommand(testCommand, async (state?: unknown): Promise<boolean> => {
      const panel = vscode.window.createWebviewPanel(viewType, viewType, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      await serializer.deserializeWebviewPanel(panel, state);
      return true;
    })] : []),
  );
}
