import vscode = require('vscode');
import { sameTextAfterSave } from '../../core/annotations/model';
import type { ReadonlyAnnotation } from '../../core/annotations/session';

/** How close together an untitled document's emptying and the open of the file it was saved as are. */
const SAVED_AS_WINDOW_MS = 5000;
/** How often the follower looks for the saved file meanwhile. */
const TICK_MS = 50;

/**
 * An untitled document's annotations and text as they were when its content was last emptied,
 * which is what saving it as a file does (it is then closed, and the file opened).
 */
export interface Emptied {
  readonly text: string;
  readonly at: number;
  readonly annotations: readonly ReadonlyAnnotation[];
}

/** What the follower needs from the store. */
export interface SaveAsHost {
  /** Whether annotations of this document can be kept in a sidecar (an annotatable file). */
  accepts(document: vscode.TextDocument): boolean;
  /** Moves the untitled document's annotations, as they were when it was emptied, to the file it was saved as. */
  adopt(from: vscode.Uri, emptied: Emptied, document: vscode.TextDocument): Promise<void>;
}

function documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/**
 * The Save As hand-over of an untitled document's annotations. VS Code has no event for it: saving
 * an untitled document empties it, closes it and opens the file. So the follower notes when an
 * untitled document with annotations is emptied, and then looks for an open file, opened within a
 * few seconds of the emptying, with the text the untitled document had (as saved: line endings and
 * trailing whitespace may differ).
 */
export class SaveAsFollower implements vscode.Disposable {
  /** When each document (other than untitled ones) was last opened, by URI. */
  private readonly openedAt = new Map<string, number>();
  /** Each untitled document's text, as the offsets of its annotations refer to it. */
  private readonly texts = new Map<string, string>();
  private readonly emptied = new Map<string, Emptied>();
  private readonly subscriptions: vscode.Disposable[];
  private disposed = false;

  constructor(private readonly host: SaveAsHost) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme !== 'untitled') this.openedAt.set(d.uri.toString(), Date.now());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.openedAt.delete(d.uri.toString())),
    ];
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.subscriptions) s.dispose();
    this.texts.clear();
    this.emptied.clear();
  }

  /** The untitled document was annotated: its text now is what the annotations' offsets refer to. */
  annotated(document: vscode.TextDocument): void {
    if (document.uri.scheme === 'untitled') this.texts.set(document.uri.toString(), document.getText());
  }

  /**
   * The untitled document with these annotations (before the change moves them) now has `text`.
   * Emptied, it may have been saved as a file: once it is closed, the follower looks for that file.
   */
  changed(uri: vscode.Uri, text: string, annotations: readonly ReadonlyAnnotation[]): void {
    const key = uri.toString();
    const before = this.texts.get(key);
    if (before && text === '') {
      const emptied: Emptied = { text: before, at: Date.now(), annotations: annotations.map((a) => ({ ...a, tags: [...a.tags] })) };
      this.emptied.set(key, emptied);
      this.follow(uri, emptied);
    }
    this.texts.set(key, text);
  }

  /** The store no longer keeps this untitled document's annotations. */
  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
    this.emptied.delete(uri.toString());
  }

  /**
   * Once the untitled document is closed, looks for the file it was saved as for a few seconds, and
   * hands its annotations over. (The file may not stay open long: saved through the API, VS Code
   * shows it in no editor and closes it again.)
   */
  private follow(uri: vscode.Uri, emptied: Emptied): void {
    const tick = (): void => {
      if (this.disposed || this.emptied.get(uri.toString()) !== emptied) return;
      const saved = documentOf(uri) ? undefined : this.savedAs(emptied);
      if (saved) void this.host.adopt(uri, emptied, saved);
      else if (Date.now() - emptied.at < SAVED_AS_WINDOW_MS) setTimeout(tick, TICK_MS);
    };
    setTimeout(tick, 0);
  }

  /** The open file that holds the emptied text, opened closest to the emptying; undefined if none. */
  private savedAs(emptied: Emptied): vscode.TextDocument | undefined {
    let best: { document: vscode.TextDocument; distance: number } | undefined;
    for (const document of vscode.workspace.textDocuments) {
      const opened = this.openedAt.get(document.uri.toString());
      if (opened === undefined || !this.host.accepts(document)) continue;
      const distance = Math.abs(opened - emptied.at);
      if (distance > SAVED_AS_WINDOW_MS || !sameTextAfterSave(emptied.text, document.getText())) continue;
      if (!best || distance < best.distance) best = { document, distance };
    }
    return best?.document;
  }
}
