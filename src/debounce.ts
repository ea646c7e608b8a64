/**
 * Debouncing, written once for the editor side: an action that runs once calls pause for a
 * while (typing, a burst of store events). Both kinds are disposables (`vscode.Disposable.from`
 * takes them) that cancel what is still waiting. No editor API here, so plain unit tests can
 * drive them with a manual clock.
 */

/** The timer functions a debouncer uses: the global ones, or a manual clock in tests. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One action, run once `schedule` has not been called for `delayMs`. */
export class Debounced {
  private handle: unknown;
  private waiting = false;

  constructor(private readonly action: () => void, private readonly delayMs: number, private readonly timers: Timers = GLOBAL_TIMERS) {}

  /** (Re)starts the wait; `delayMs` replaces the usual delay for this wait. */
  schedule(delayMs = this.delayMs): void {
    this.cancel();
    this.waiting = true;
    this.handle = this.timers.setTimeout(() => {
      this.waiting = false;
      this.handle = undefined;
      this.action();
    }, delayMs);
  }

  /** Whether the action is waiting to run. */
  get pending(): boolean {
    return this.waiting;
  }

  /** Drops the waiting run, if any. */
  cancel(): void {
    if (!this.waiting) return;
    this.timers.clearTimeout(this.handle);
    this.waiting = false;
    this.handle = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}

/**
 * Per key (a document's URI, say) its own wait: the action last scheduled for a key runs once
 * `schedule` has not been called for that key for `delayMs`; other keys do not restart it.
 */
export class DebouncedByKey<K> {
  private readonly handles = new Map<K, unknown>();

  constructor(private readonly delayMs: number, private readonly timers: Timers = GLOBAL_TIMERS) {}

  /** (Re)starts the key's wait; `action` replaces the action scheduled for it before. */
  schedule(key: K, action: () => void): void {
    this.cancel(key);
    this.handles.set(key, this.timers.setTimeout(() => {
      this.handles.delete(key);
      action();
    }, this.delayMs));
  }

  /** Drops the key's waiting action, if any. */
  cancel(key: K): void {
    if (!this.handles.has(key)) return;
    this.timers.clearTimeout(this.handles.get(key));
    this.handles.delete(key);
  }

  dispose(): void {
    for (const handle of this.handles.values()) this.timers.clearTimeout(handle);
    this.handles.clear();
  }
}
