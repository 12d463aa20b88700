/** An in-memory Web Storage whose methods can be made to throw. */
export class MemoryStorage {
  items = new Map<string, string>();
  failGet: Error | null = null;
  failSetFor: ((key: string) => boolean) | null = null;
  getItem(key: string): string | null {
    if (this.failGet) throw this.failGet;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failSetFor?.(key)) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
