import { useState } from 'react';

import type { OpenedPlanFile } from './open-plan-file';
import { choosePlanFileAction } from './open-plan-file';
import { useAppStore } from './store';

export interface PlanFileOpenerOptions {
  /** The catalog version (a warning names the file's when it differs); may load the catalog. */
  catalogVersion: () => string | Promise<string>;
  /** Called when a file was read (its text or a read error), before anything else. */
  onAttempt?: () => void;
  /** Called once the file's plan replaced the plan in progress. */
  onOpened: (opened: OpenedPlanFile) => void;
}

/**
 * The "Open plan file" flow, for any page: hand `onText` and `onError` to the file picker, show
 * `errors`, and ask with `pending` (`replace` or `cancel`) before replacing a plan in progress.
 * The plan in progress is never touched by a file that is refused.
 */
export function usePlanFileOpener({ catalogVersion, onAttempt, onOpened }: PlanFileOpenerOptions) {
  const currentName = useAppStore((s) => s.plan.name);
  const [pending, setPending] = useState<OpenedPlanFile | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const open = (opened: OpenedPlanFile) => {
    useAppStore.getState().setPlan(opened.plan);
    setPending(null);
    onOpened(opened);
  };

  const decide = (text: string, version: string) => {
    const choice = choosePlanFileAction(text, version, useAppStore.getState().plan);
    if (choice.kind === 'refuse') {
      setErrors(choice.errors);
      return;
    }
    setErrors([]);
    if (choice.kind === 'open') open(choice.opened);
    else setPending(choice.opened);
  };

  const onText = (text: string) => {
    onAttempt?.();
    const version = catalogVersion();
    if (typeof version === 'string') decide(text, version);
    else {
      version.then(
        (v) => decide(text, v),
        (e: unknown) => setErrors([catalogProblem(e)]),
      );
    }
  };

  return {
    /** Name of the plan in progress (for the replace question). */
    currentName,
    /** Why the last file was refused; empty when it was not. */
    errors,
    clearErrors: () => setErrors([]),
    /** A file's plan waiting for the user's answer: replace the plan in progress? */
    pending,
    replace: () => {
      if (pending) open(pending);
    },
    cancel: () => setPending(null),
    onText,
    onError: (message: string) => {
      onAttempt?.();
      setErrors([message]);
    },
  };
}

function catalogProblem(e: unknown): string {
  const detail = (e instanceof Error ? e.message : String(e)).slice(0, 160);
  return `The planner's catalog could not be loaded (${detail}); reload the page and try again.`;
}
