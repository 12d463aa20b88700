/**
 * The only code that touches localStorage. Errors are returned, never swallowed.
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
