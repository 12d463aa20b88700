import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppErrorBoundary } from '@/app/error-boundary';
import { downloadFile } from '@/lib/download-file';
import { STORAGE_KEY } from '@/state/persistence';
import { useAppStore } from '@/state/store';

import { renderElement } from '../../support/render-app';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));

function Boom(): never {
  throw new Error('kaboom');
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.mocked(downloadFile).mockReset();
});

describe('AppErrorBoundary', () => {
  it('shows the fallback, keeps the plan and offers it as JSON', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderElement(
      <AppErrorBoundary>
        <Boom />
      </AppErrorBoundary>,
    );
    useAppStore.getState().setPlanName('Kept plan');
    const savedBefore = window.localStorage.getItem(STORAGE_KEY);

    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    expect(screen.getByText('Error: kaboom')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Download plan (JSON)' }));
    expect(downloadFile).toHaveBeenCalledTimes(1);
    const [fileName, content, mime] = vi.mocked(downloadFile).mock.calls[0]!;
    expect(fileName).toBe('activity-monitor-plan.json');
    expect(mime).toBe('application/json');
    expect(JSON.parse(String(content))).toEqual(useAppStore.getState().plan);
    expect(useAppStore.getState().plan.name).toBe('Kept plan');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(savedBefore);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeEnabled();
  });

  it('says so when the download fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.mocked(downloadFile).mockImplementation(() => {
      throw new Error('blocked');
    });
    const user = userEvent.setup();
    renderElement(
      <AppErrorBoundary>
        <Boom />
      </AppErrorBoundary>,
    );
    await user.click(screen.getByRole('button', { name: 'Download plan (JSON)' }));
    expect(screen.getByText('The download failed')).toBeVisible();
  });

  it('renders its children when nothing fails', () => {
    renderElement(
      <AppErrorBoundary>
        <p>fine</p>
      </AppErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeVisible();
  });
});
