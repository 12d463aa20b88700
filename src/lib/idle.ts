/**
 * Work for later: tasks run one per idle period of the browser (requestIdleCallback; a timer
 * where it is missing, e.g. Safari), after `delayMs` without a new call (an edit cancels the
 * previous round through the returned function). Used to compute what a later step shows before
 * the user opens it (issue 18). A task that throws is skipped: the same work runs again where it
 * is needed and reports its error there.
 */
export function runWhenIdle(tasks: readonly (() => unknown)[], delayMs = 300): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const hasIdle = typeof globalThis.requestIdleCallback === 'function';

  const next = (index: number) => {
    if (cancelled || index >= tasks.length) return;
    const run = () => {
      idle = undefined;
      timer = undefined;
      if (cancelled) return;
      try {
        tasks[index]?.();
      } catch {
        // Done again, with its error shown, where the result is used.
      }
      next(index + 1);
    };
    if (hasIdle) idle = globalThis.requestIdleCallback(run, { timeout: 2000 });
    else timer = setTimeout(run, 0);
  };

  timer = setTimeout(() => next(0), delayMs);
  return () => {
    cancelled = true;
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined && hasIdle) globalThis.cancelIdleCallback(idle);
  };
}
