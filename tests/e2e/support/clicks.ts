/**
 * Counts what a user would click: every click and check goes through `click`, and `fill` counts
 * a click when the field does not have the focus yet (the user clicks into it), none when it
 * has (reached with Tab, or focused by the app). Keys (Tab, typing) are not clicks.
 */
import type { Locator, Page } from '@playwright/test';

export interface ClickCounter {
  readonly count: number;
  click: (locator: Locator) => Promise<void>;
  /** Chooses an option of a native select (one click on the select, the choice by keyboard). */
  select: (locator: Locator, value: string) => Promise<void>;
  fill: (locator: Locator, text: string) => Promise<void>;
}

export function countClicks(page: Page): ClickCounter {
  let count = 0;
  const focused = (locator: Locator) =>
    locator.evaluate((el) => el === el.ownerDocument.activeElement);
  return {
    get count() {
      return count;
    },
    click: async (locator) => {
      count += 1;
      await locator.click();
    },
    select: async (locator, value) => {
      count += 1;
      await locator.selectOption(value);
    },
    fill: async (locator, text) => {
      if (!(await focused(locator))) {
        count += 1;
        await locator.click();
      }
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(text);
    },
  };
}
