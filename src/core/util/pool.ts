/**
 * Scheduling helpers for work over many files, without timers of their own (the caller injects
 * how to wait), so that they are pure and testable with a manual clock:
 * - `Pool`: runs asynchronous tasks (file reads) with at most `limit` in flight (or bytes, by cost);
 * - `TimeSlicer`: runs synchronous tasks (parsing) in slices of at most `budget` ms, yielding to
 *   the event loop between slices, more urgent tasks first.
 */

/**
 * Runs tasks with at most `limit` of them in flight, or, when tasks say what they cost (bytes to
 * read), with their costs adding up to at most `limit`; a task that costs more than `limit` runs
 * alone. The others wait in order: none overtakes one that waits for room.
 */
export class Pool {
  private active = 0;
  private used = 0;
  /** Waiting tasks from `head` on (a queue: `shift` on an array of thousands costs its length each time). */
  private waiting: { readonly cost: number; readonly start: () => void }[] = [];
  private head = 0;

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`pool limit must be at least 1, not ${limit}`);
  }

  /** Tasks running now. */
  get inFlight(): number {
    return this.active;
  }

  /** Tasks waiting for a free place. */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  run<T>(task: () => PromiseLike<T> | T, cost = 1): Promise<T> {
    const c = Math.max(0, cost);
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this.active++;
        this.used += c;
        let result: PromiseLike<T> | T;
        try {
          result = task();
        } catch (error) {
          this.done(c);
          reject(error);
          return;
        }
        Promise.resolve(result).then(
          (value) => { this.done(c); resolve(value); },
          (error: unknown) => { this.done(c); reject(error); },
        );
      };
      if (this.queued === 0 && this.fits(c)) start();
      else this.waiting.push({ cost: c, start });
    });
  }

  private fits(cost: number): boolean {
    return this.active === 0 || this.used + cost <= this.limit;
  }

  private done(cost: number): void {
    this.active--;
    this.used -= cost;
    while (this.head < this.waiting.length && this.fits(this.waiting[this.head].cost)) {
      const next = this.waiting[this.head++];
      if (this.head === this.waiting.length) {
        this.waiting = [];
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting = this.waiting.slice(this.head);
        this.head = 0;
      }
      next.start();
    }
  }
}

/** What a time slicer needs of the world: a clock in ms, and a way to let other work run. */
export interface SliceClock {
  now(): number;
  /** Resolves after the event loop had a chance to run other work (a timer of 0 ms). */
  yield(): Promise<void>;
}

interface SliceTask {
  readonly fn: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** What a slot of a queue holds once its task was taken. */
const DONE: SliceTask = { fn: () => undefined, resolve: () => undefined, reject: () => undefined };

/**
 * Runs synchronous tasks in slices: as many as fit in `budget` ms one after the other, then it
 * yields before the next slice. A task is never split, so one task longer than the budget makes
 * its slice that long. Priority 0 runs before priority 1 (what a view waits for before what can wait).
 */
export class TimeSlicer {
  private readonly queues: SliceTask[][] = [[], []];
  private heads = [0, 0];
  private running = false;
  /** Slices run so far, and the longest (ms): for tests and the benchmark. */
  slices = 0;
  longest = 0;

  constructor(private readonly budget: number, private readonly clock: SliceClock) {}

  /** Tasks waiting to run. */
  get pending(): number {
    return this.queues[0].length - this.heads[0] + this.queues[1].length - this.heads[1];
  }

  run<T>(fn: () => T, priority: 0 | 1 = 0): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queues[priority].push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) void this.pump();
    });
  }

  /** Task slots the queues hold (waiting or not yet let go of): 0 when idle. For tests. */
  get held(): number {
    return this.queues[0].length + this.queues[1].length;
  }

  private next(): SliceTask | undefined {
    for (let p = 0; p < this.queues.length; p++) {
      const q = this.queues[p];
      if (this.heads[p] < q.length) {
        const i = this.heads[p]++;
        const task = q[i];
        // Let go of the task (its closure holds what it works on: a document's text, its bytes).
        q[i] = DONE;
        if (this.heads[p] === q.length || (this.heads[p] > 1024 && this.heads[p] * 2 > q.length)) {
          q.splice(0, this.heads[p]);
          this.heads[p] = 0;
        }
        return task;
      }
    }
    return undefined;
  }

  private async pump(): Promise<void> {
    this.running = true;
    try {
      // Tasks are queued from I/O callbacks: start in a fresh turn of the event loop, not inside theirs.
      await this.clock.yield();
      for (;;) {
        const start = this.clock.now();
        let task = this.next();
        if (!task) return;
        this.slices++;
        for (;;) {
          try {
            task.resolve(task.fn());
          } catch (error) {
            task.reject(error);
          }
          if (this.clock.now() - start >= this.budget) break;
          task = this.next();
          if (!task) break;
        }
        this.longest = Math.max(this.longest, this.clock.now() - start);
        await this.clock.yield();
      }
    } finally {
      this.running = false;
    }
  }
}
