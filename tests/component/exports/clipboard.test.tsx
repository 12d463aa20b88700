import { afterEach, describe, expect, it, vi } from 'vitest';

import { copyTable } from '@/lib/clipboard';

/** A stand-in for the browser's ClipboardItem: keeps what it was given. */
class FakeClipboardItem {
  constructor(readonly items: Record<string, Blob>) {}
}

function stubClipboard(clipboard: Partial<Clipboard>) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

const CONTENT = {
  text: 'a\tb\n',
  html: '<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>',
};

describe('copyTable', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('puts text/plain and text/html on the clipboard as one item', async () => {
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const write = vi.fn(() => Promise.resolve());
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard({ write, writeText });
    await expect(copyTable(CONTENT)).resolves.toBe('text-and-html');
    expect(writeText).not.toHaveBeenCalled();
    const [items] = (write.mock.calls[0] ?? []) as unknown as [FakeClipboardItem[]];
    expect(items).toHaveLength(1);
    const item = items[0] as FakeClipboardItem;
    expect(Object.keys(item.items).sort()).toEqual(['text/html', 'text/plain']);
    expect(await item.items['text/plain']?.text()).toBe(CONTENT.text);
    expect(await item.items['text/html']?.text()).toBe(CONTENT.html);
    expect(item.items['text/html']?.type).toBe('text/html');
  });

  it('copies the text alone where the browser has no ClipboardItem', async () => {
    vi.stubGlobal('ClipboardItem', undefined);
    const write = vi.fn(() => Promise.resolve());
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard({ write, writeText });
    await expect(copyTable(CONTENT)).resolves.toBe('text');
    expect(write).not.toHaveBeenCalled();
    expect(writeText).toHaveBeenCalledWith(CONTENT.text);
  });

  it('copies the text alone when the browser refuses the item', async () => {
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard({
      write: () => Promise.reject(new DOMException('no', 'NotAllowedError')),
      writeText,
    });
    await expect(copyTable(CONTENT)).resolves.toBe('text');
    expect(writeText).toHaveBeenCalledWith(CONTENT.text);
  });

  it('says so when nothing could be copied', async () => {
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const refuse = () => Promise.reject(new DOMException('no', 'NotAllowedError'));
    stubClipboard({ write: refuse, writeText: refuse });
    await expect(copyTable(CONTENT)).resolves.toBe('failed');
  });

  it('says so where the page has no clipboard at all', async () => {
    await expect(copyTable(CONTENT)).resolves.toBe('failed');
  });
});
