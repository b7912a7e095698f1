import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A stored item's value, kept live: read once at mount, then followed with `watch`. `loaded`
 * tells "not read yet" apart from "nothing stored", so a UI shows a stored snapshot at once
 * and a spinner only when there truly is none.
 */
export function useStoredValue<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  /** The value already read (before the first render, for a first paint with content). */
  initial?: { value: T },
): {
  value: T;
  loaded: boolean;
} {
  const [state, setState] = useState<{ value: T; loaded: boolean }>(
    initial ? { value: initial.value, loaded: true } : { value: item.fallback, loaded: false },
  );
  useEffect(() => {
    let active = true;
    if (!initial) void item.getValue().then((value) => active && setState({ value, loaded: true }));
    const unwatch = item.watch((value) => setState({ value, loaded: true }));
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return state;
}
