/** Issue 13: the Port reference names the catalog version and the netwrix/docs revision. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { ReferencePage } from '@/features/reference/reference-page';
import { downloadFile } from '@/lib/download-file';

import { renderElement } from '../../support/render-app';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));

const catalog = getCatalog();
// The full page renders every rule card: allow for slow, loaded CI machines.
const SLOW = 20_000;

describe('ReferencePage provenance', () => {
  beforeEach(() => {
    vi.mocked(downloadFile).mockClear();
  });

  it(
    'shows the docs revision beside the catalog version, linked to that revision of the ports page',
    () => {
      renderElement(<ReferencePage />);
      const link = screen.getByRole('link', { name: 'netwrix/docs@a8b312c3' });
      expect(link.parentElement).toHaveTextContent(
        `Catalog ${catalog.version}, built from netwrix/docs@a8b312c3.`,
      );
      expect(link).toHaveAttribute(
        'href',
        'https://github.com/netwrix/docs/blob/a8b312c3/docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md',
      );
      expect(link).toHaveAttribute('target', '_blank');
      expect(link.getAttribute('rel')).toContain('noopener');
    },
    SLOW,
  );

  it(
    '"Download CSV" carries the catalog version and the docs revision',
    async () => {
      renderElement(<ReferencePage />);
      await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
      expect(downloadFile).toHaveBeenCalledTimes(1);
      const [fileName, content, mime] = vi.mocked(downloadFile).mock.calls[0]!;
      expect(fileName).toBe(`am-firewall-catalog-${catalog.version}.csv`);
      expect(mime).toBe('text/csv;charset=utf-8');
      const lines = String(content).split('\r\n');
      expect(lines).toContainEqual(expect.stringMatching(/^Catalog version,2026\.11\.8,/));
      expect(lines).toContainEqual(expect.stringMatching(/^Docs revision,netwrix\/docs@a8b312c3,/));
    },
    SLOW,
  );
});
