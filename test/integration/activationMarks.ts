// VS Code's own activation figures for an extension, read from the extension host's performance marks.
// No Node imports: shared by the Node suites (vsix) and the web worker suite (web).

/**
 * When the extension host marked `code/extHost/<name>/<extension id>`, in ms: VS Code's performance
 * marks (kept in MonacoPerformanceMarks in the Node extension host, as native marks in a web worker).
 */
function mark(name: string, extensionId: string): number | undefined {
  const full = `code/extHost/${name}/${extensionId}`;
  const shared = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  return shared?.getMarks().find((m) => m.name === full)?.startTime ?? performance.getEntriesByName(full)[0]?.startTime;
}

/** Loading the extension's code and running its activate(), from VS Code's marks. */
export function activationFigures(extensionId: string, into: Record<string, number | string | boolean>): void {
  const span = (from: string, to: string) => {
    const a = mark(from, extensionId);
    const b = mark(to, extensionId);
    return a !== undefined && b !== undefined ? +(b - a).toFixed(1) : undefined;
  };
  const load = span('willLoadExtensionCode', 'didLoadExtensionCode');
  const activate = span('willActivateExtension', 'didActivateExtension');
  if (load !== undefined) into.loadCodeMs = load;
  if (activate !== undefined) into.activateMs = activate;
}
