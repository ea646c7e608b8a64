import * as assert from 'node:assert/strict';
import { Debounced, DebouncedByKey, type Timers } from '../../src/debounce';

/** A clock that only moves when told: no real time passes in these tests. */
class ManualClock implements Timers {
  private now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  /** Moves the clock on, running what falls due in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let first: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.due) if (entry[1].at <= end && (!first || entry[1].at < first[1].at)) first = entry;
      if (!first) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].callback();
    }
    this.now = end;
  }

  get waiting(): number {
    return this.due.size;
  }
}

describe('debounce', () => {
  it('runs once the calls pause, not before', () => {
    const clock = new ManualClock();
    let runs = 0;
    const d = new Debounced(() => runs++, 100, clock);
    d.schedule();
    clock.advance(60);
    d.schedule(); // restarts the wait
    clock.advance(60);
    assert.equal(runs, 0);
    assert.equal(d.pending, true);
    clock.advance(40);
    assert.equal(runs, 1);
    assert.equal(d.pending, false);
    clock.advance(1000);
    assert.equal(runs, 1);
  });

  it('takes another delay for one wait, and cancels and disposes', () => {
    const clock = new ManualClock();
    let runs = 0;
    const d = new Debounced(() => runs++, 100, clock);
    d.schedule(0);
    clock.advance(0);
    assert.equal(runs, 1);
    d.schedule();
    d.cancel();
    assert.equal(d.pending, false);
    d.schedule();
    d.dispose();
    clock.advance(1000);
    assert.equal(runs, 1);
    assert.equal(clock.waiting, 0);
  });

  it('per key: each key waits on its own and runs the action scheduled last', () => {
    const clock = new ManualClock();
    const ran: string[] = [];
    const d = new DebouncedByKey<string>(100, clock);
    d.schedule('a', () => ran.push('a1'));
    clock.advance(50);
    d.schedule('b', () => ran.push('b1'));
    d.schedule('a', () => ran.push('a2'));
    clock.advance(60);
    assert.deepEqual(ran, []);
    assert.equal(clock.waiting, 2);
    clock.advance(40); // b's wait ends first; then a's
    clock.advance(10);
    assert.deepEqual(ran, ['b1', 'a2']);
    assert.equal(clock.waiting, 0);
  });

  it('per key: cancels one key, disposes all', () => {
    const clock = new ManualClock();
    const ran: string[] = [];
    const d = new DebouncedByKey<string>(100, clock);
    d.schedule('a', () => ran.push('a'));
    d.schedule('b', () => ran.push('b'));
    d.cancel('a');
    clock.advance(100);
    assert.deepEqual(ran, ['b']);
    d.schedule('a', () => ran.push('a'));
    d.schedule('c', () => ran.push('c'));
    d.dispose();
    clock.advance(1000);
    assert.deepEqual(ran, ['b']);
    assert.equal(clock.waiting, 0);
  });
});
