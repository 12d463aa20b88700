/**
 * How many of `total` items to render: `first` at once, then `step` more per macrotask (as a
 * transition, so typing and clicks go first), all of them when `all` is set (printing, a "Go to
 * field" request for an item further down). A long list (a firewall's thousand rules, the options
 * of 5,000 devices) then paints its first items at once and never blocks the page for long
 * (issue 18); a shorter list than `first` renders in one go, as before.
 */
import { startTransition, useEffect, useState } from 'react';

export function useProgressiveCount(
  total: number,
  { first, step, all = false }: { first: number; step: number; all?: boolean },
): number {
  // At least `first`, whatever the total was on the first render (a list that fills later, such
  // as devices added to an open step, shows its first items at once too).
  const [shown, setShown] = useState(first);
  useEffect(() => {
    if (all || shown >= total) return;
    const timer = setTimeout(
      () => startTransition(() => setShown((n) => Math.min(total, n + step))),
      0,
    );
    return () => clearTimeout(timer);
  }, [shown, total, all, step]);
  return all ? total : Math.min(shown, total);
}
