/**
 * A module (or a value from it) loaded on first use with a dynamic import, so that its code and
 * libraries stay out of the first load; or the message to show when it could not be loaded.
 * `load` must be stable (a module-level function).
 */
import { useEffect, useState } from 'react';

export interface LazyModule<T> {
  value: T | null;
  error: string | null;
}

export function useLazyModule<T>(load: () => Promise<T>, what: string): LazyModule<T> {
  const [state, setState] = useState<LazyModule<T>>({ value: null, error: null });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (live) setState({ value, error: null });
      },
      (e: unknown) => {
        if (live) {
          setState({
            value: null,
            error: `${what} could not be loaded (${e instanceof Error ? e.message : String(e)}); reload the page and try again. Your text is kept.`,
          });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [load, what]);
  return state;
}
