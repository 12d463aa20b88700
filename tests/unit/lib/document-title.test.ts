import { describe, expect, it } from 'vitest';

import { APP_TITLE, MAX_TITLE_PART, pageTitle } from '@/lib/document-title';

describe('pageTitle', () => {
  it('is the app name alone, or the parts then the app name', () => {
    expect(pageTitle()).toBe('Activity Monitor Firewall Planner');
    expect(pageTitle('Port reference')).toBe(`Port reference · ${APP_TITLE}`);
    expect(pageTitle('Devices', 'Head office')).toBe(`Devices · Head office · ${APP_TITLE}`);
  });

  it('shortens a long plan name to 60 characters and "…", on one line', () => {
    const name = 'x'.repeat(200);
    expect(pageTitle('Devices', name)).toBe(
      `Devices · ${'x'.repeat(MAX_TITLE_PART)}… · ${APP_TITLE}`,
    );
    expect(pageTitle('Options', 'a'.repeat(60))).toBe(`Options · ${'a'.repeat(60)} · ${APP_TITLE}`);
    expect(pageTitle('Options', ' Two\nlines\t')).toBe(`Options · Two lines · ${APP_TITLE}`);
    expect(pageTitle('Options', '   ')).toBe(`Options · ${APP_TITLE}`);
  });
});
