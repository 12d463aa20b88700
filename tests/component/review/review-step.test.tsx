import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { ReviewStep } from '@/features/planner/review/review-step';
import { useAppStore } from '@/state/store';

import { renderRoutes } from '../../support/render-app';

function renderStep() {
  return renderRoutes([{ path: '/plan/:stepId', element: <ReviewStep /> }], '/plan/review');
}

describe('ReviewStep', () => {
  it('has the rules, checks, export and share sections', () => {
    renderStep();
    for (const name of ['Plan checks', 'Rules', 'Export', 'Share']) {
      expect(screen.getByRole('heading', { level: 3, name })).toBeInTheDocument();
    }
    expect(screen.getByRole('group', { name: 'View' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Filter rules' })).toBeInTheDocument();
  });

  it('reads the plan from the store: devices and the inferred setting', () => {
    renderStep();
    expect(screen.getByText(/No devices yet/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Show inferred rules' })).not.toBeInTheDocument();
    act(() => {
      useAppStore.getState().addDevice('qumulo', 'Qumulo 1');
      useAppStore.getState().setSettings({ showInferred: false });
    });
    expect(screen.queryByText(/No devices yet/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Show inferred rules' })).toBeInTheDocument();
  });
});
