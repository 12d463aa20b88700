/**
 * The only code that touches localStorage (and listens to its changes from other tabs).
 * Errors are returned, never swallowed.
 */
export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: string };

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function readItem(key: string): StorageResult<string | null> {
  try {
    return { ok: true, value: window.localStorage.getItem(key) };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

export function writeItem(key: string, value: string): StorageResult<null> {
  try {
    window.localStorage.setItem(key, value);
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

export function removeItem(key: string): StorageResult<null> {
  try {
    window.localStorage.removeItem(key);
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

function isLocalStorage(area: Storage | null): boolean {
  try {
    return area === window.localStorage;
  } catch {
    return false;
  }
}

/**
 * Calls `handler` when another tab may have changed `key` in localStorage: on the `storage`
 * event (which browsers fire in the other tabs of the origin, never in the tab that wrote, and
 * with a null key when storage was cleared), and when the page comes back from the back/forward
 * cache or from being frozen, when events may have been missed. Returns the unsubscribe function.
 */
export function onStoredItemChange(key: string, handler: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if ((event.key === null || event.key === key) && isLocalStorage(event.storageArea)) handler();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) handler();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener('pageshow', onPageShow);
  document.addEventListener('resume', handler);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('pageshow', onPageShow);
    document.removeEventListener('resume', handler);
  };
}

/**
 * sessionStorage: what one tab keeps across a reload and no other tab sees (text typed but not
 * applied yet). Same contract: errors returned, never thrown.
 */
export function readSessionItem(key: string): StorageResult<string | null> {
  try {
    return { ok: true, value: window.sessionStorage.getItem(key) };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

export function writeSessionItem(key: string, value: string | null): StorageResult<null> {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}
