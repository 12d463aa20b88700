/** useLazyModule: the value once loaded, or a message that says what failed and that text is kept. */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useLazyModule } from '@/components/use-lazy-module';

const loadsSeven = () => Promise.resolve(7);
const fails = () => Promise.reject(new Error('network down'));

describe('useLazyModule', () => {
  it('gives nothing while loading, then the value', async () => {
    const { result } = renderHook(() => useLazyModule(loadsSeven, 'The reader'));
    expect(result.current).toEqual({ value: null, error: null });
    await waitFor(() => expect(result.current.value).toBe(7));
    expect(result.current.error).toBeNull();
  });

  it('says what could not be loaded, why, and that the text is kept', async () => {
    const { result } = renderHook(() => useLazyModule(fails, 'The sheet reader'));
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.value).toBeNull();
    expect(result.current.error).toBe(
      'The sheet reader could not be loaded (network down); reload the page and try again. Your text is kept.',
    );
  });
});
