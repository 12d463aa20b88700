/**
 * An export that takes time (the PDF above all): its button shows that it is busy while the
 * file is made, keeps its name, and gets the focus back afterwards.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Exporter } from '@/core/exporters/exporter';
import { EXPORTERS } from '@/core/exporters/registry';
import { ExportButtons } from '@/features/planner/export/export-buttons';
import { downloadFile } from '@/lib/download-file';

import { renderElement } from '../../support/render-app';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));
vi.mock('@/lib/clipboard', () => ({
  copyText: vi.fn(() => Promise.resolve(true)),
  copyTable: vi.fn(() => Promise.resolve('text-and-html')),
}));

function exporter(id: string): Exporter {
  const found = EXPORTERS.find((e) => e.id === id);
  if (!found) throw new Error(`no exporter ${id}`);
  return found;
}

/** A render that waits for `finish` (or `fail`), so the test sees the busy state. */
function holdRender(id: string) {
  let finish: (bytes: Uint8Array) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const spy = vi.spyOn(exporter(id), 'render').mockImplementationOnce(
    () =>
      new Promise<Uint8Array>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return {
    spy,
    finish: () => finish(new TextEncoder().encode('%PDF-1.7')),
    fail: (message: string) => fail(new Error(message)),
  };
}

/**
 * What browsers do and jsdom does not: the "focus fixup rule" moves the focus to the body when
 * the focused element becomes disabled (so a test sees the focus fall as a user does).
 */
function emulateFocusFixup(): MutationObserver {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const element = record.target;
      if (
        element instanceof HTMLElement &&
        element.hasAttribute('disabled') &&
        element.ownerDocument.activeElement === element
      ) {
        element.blur();
      }
    }
  });
  observer.observe(document.body, {
    attributes: true,
    subtree: true,
    attributeFilter: ['disabled'],
  });
  return observer;
}

describe('ExportButtons: busy state and focus', () => {
  let fixup: MutationObserver;

  beforeEach(() => {
    vi.mocked(downloadFile).mockClear();
    fixup = emulateFocusFixup();
  });

  afterEach(() => {
    fixup.disconnect();
    vi.restoreAllMocks();
  });

  it('shows the PDF button busy while the PDF is made: disabled, a progress indicator, aria-busy, same name', async () => {
    const user = userEvent.setup();
    const held = holdRender('pdf');
    renderElement(<ExportButtons />);
    const button = screen.getByRole('button', { name: 'Download PDF' });
    expect(button).not.toHaveAttribute('aria-busy', 'true');
    await user.click(button);

    const busy = screen.getByRole('button', { name: 'Download PDF' });
    expect(busy).toBe(button);
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(within(busy).getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Preparing the PDF…');
    // The other exports wait for this one.
    expect(screen.getByRole('button', { name: 'Download summary CSV' })).toBeDisabled();

    held.finish();
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(button).not.toBeDisabled());
    expect(button).not.toHaveAttribute('aria-busy', 'true');
    expect(within(button).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('gives the focus back to the button once the PDF is downloaded', async () => {
    const user = userEvent.setup();
    const held = holdRender('pdf');
    renderElement(<ExportButtons />);
    const button = screen.getByRole('button', { name: 'Download PDF' });
    await user.click(button);
    // The browser moved the focus away from the disabled button.
    expect(button).not.toHaveFocus();
    held.finish();
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('gives the focus back to the button after a failure, with the message', async () => {
    const user = userEvent.setup();
    const held = holdRender('pdf');
    renderElement(<ExportButtons />);
    const button = screen.getByRole('button', { name: 'Download PDF' });
    await user.click(button);
    held.fail('chunk load failed');
    expect(await screen.findByText(/“Download PDF” failed: chunk load failed/)).toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('gives the focus back after a quick export too (Copy table)', async () => {
    const user = userEvent.setup();
    renderElement(<ExportButtons />);
    const button = screen.getByRole('button', { name: 'Copy table' });
    await user.click(button);
    expect(await screen.findByText(/Copied \d+ rule\(s\) as a table/)).toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('leaves the focus where the user put it meanwhile', async () => {
    const user = userEvent.setup();
    const held = holdRender('pdf');
    renderElement(
      <>
        <ExportButtons />
        <input aria-label="Elsewhere" />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Download PDF' }));
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    await user.click(elsewhere);
    held.finish();
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Download PDF' })).not.toBeDisabled(),
    );
    expect(elsewhere).toHaveFocus();
  });

  it('cancels a running export: nothing is saved, the user is told, the focus comes back', async () => {
    const user = userEvent.setup();
    const held = holdRender('pdf');
    renderElement(<ExportButtons />);
    const button = screen.getByRole('button', { name: 'Download PDF' });
    await user.click(button);
    const status = screen.getByRole('status');
    await user.click(within(status).getByRole('button', { name: 'Cancel' }));
    expect(
      await screen.findByText('“Download PDF” was cancelled: nothing was saved.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
    // The render ending later saves nothing.
    held.finish();
    await waitFor(() => expect(button).not.toBeDisabled());
    expect(downloadFile).not.toHaveBeenCalled();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
