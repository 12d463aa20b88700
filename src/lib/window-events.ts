/**
 * Window-level browser events and actions: the only place the UI subscribes to them.
 * Each subscription returns its unsubscribe function (for a React effect's cleanup).
 */

/** Errors outside rendering: uncaught errors and unhandled promise rejections. */
export function onUncaughtError(handler: (error: unknown) => void): () => void {
  const onError = (event: ErrorEvent) => handler(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => handler(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}

/** The browser starts (true) or ends (false) printing the page. */
export function onPrintChange(handler: (printing: boolean) => void): () => void {
  const before = () => handler(true);
  const after = () => handler(false);
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}

/** Reloads the current page, hash route included. */
export function reloadPage(): void {
  window.history.go(0);
}

export function scrollToTop(): void {
  window.scrollTo({ top: 0 });
}
