/**
 * runWhenIdle (issue 18): the review's data is computed while the browser idles on the earlier
 * steps; an edit cancels the round in progress.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { runWhenIdle } from '@/lib/idle';

describe.each([
  { what: 'with requestIdleCallback', idle: true },
  { what: 'without it (Safari): timers', idle: false },
])('runWhenIdle, $what', ({ idle }) => {
  beforeEach(() => {
    vi.useFakeTimers();
    if (idle) {
      // An idle period every 5 ms; the second task must wait for the next one.
      vi.stubGlobal('requestIdleCallback', (cb: () => void) => setTimeout(cb, 5) as unknown);
      vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
    } else {
      vi.stubGlobal('requestIdleCallback', undefined);
    }
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs nothing before the delay, then every task in order, one per idle period', () => {
    const done: number[] = [];
    runWhenIdle([() => done.push(1), () => done.push(2), () => done.push(3)], 300);
    vi.advanceTimersByTime(299);
    expect(done).toEqual([]);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(idle ? 5 : 1);
    expect(done).toEqual([1]);
    vi.runAllTimers();
    expect(done).toEqual([1, 2, 3]);
  });

  it('stops when cancelled (an edit): before the delay, and between tasks', () => {
    const early: number[] = [];
    runWhenIdle([() => early.push(1)], 300)();
    vi.runAllTimers();
    expect(early).toEqual([]);

    const done: number[] = [];
    let cancel = () => {};
    cancel = runWhenIdle(
      [
        () => {
          done.push(1);
          cancel();
        },
        () => done.push(2),
      ],
      0,
    );
    vi.runAllTimers();
    expect(done).toEqual([1]);
  });

  it('goes on past a task that throws, without an uncaught error', () => {
    const done: number[] = [];
    runWhenIdle(
      [
        () => {
          throw new Error('boom');
        },
        () => done.push(2),
      ],
      0,
    );
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(done).toEqual([2]);
  });
});
