// What the agreement report's webview shows, through the UI bridge (webviewEvaluate and friends).
import { ui } from './ui';

/** Finds the report's content frame. */
export const REPORT = 'body[data-kamerstukken-view="agreement"]';

export interface Element {
  readonly text: string;
  readonly attributes: Record<string, string | null>;
}

/** The elements matching `selector` in the report: their text (whitespace collapsed) and the attributes asked for. */
export function query(selector: string, attributes: readonly string[] = []): Promise<Element[]> {
  const script = `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => ({
    text: (el.textContent || '').replace(/\\s+/g, ' ').trim(),
    attributes: Object.fromEntries(${JSON.stringify(attributes)}.map((n) => [n, el.getAttribute(n)])),
  }))`;
  return ui<Element[]>('webviewEvaluate', { marker: REPORT, script });
}
