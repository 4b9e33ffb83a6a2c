// @vitest-environment jsdom
// The workshop's code is a chunk of its own. Whether it loads or not, a join link never leaves the
// page waiting for ever. A chunk that fails to load (a lost connection mid-update) cannot happen
// here by itself, so the module is made to fail.
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('./useSession', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const { useWorkshopRole } = await import('./useWorkshopRole');

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('useWorkshopRole', () => {
  it('says "opening" for a join link while the workshop code loads, and gives up when it cannot', async () => {
    window.history.replaceState(null, '', '/?join=ABCD-EFGH');
    const { result } = renderHook(() => useWorkshopRole());
    expect(result.current).toBe('opening');
    await waitFor(() => {
      expect(result.current).toBeNull();
    });
  });

  it('is null without a join link', () => {
    const { result } = renderHook(() => useWorkshopRole());
    expect(result.current).toBeNull();
  });
});
