import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { readSettings, settings, updateSettings, type Settings } from '@/utils/settings';

/**
 * The user's settings, live (another tab or device may change them), and `change` to save
 * one edit. Edits are chained: each reads what the previous one wrote, so quick clicks on
 * several toggles all land.
 */
export function useSettings(): {
  current: Settings | null;
  change: (edit: (current: Settings) => Settings) => Promise<void>;
} {
  const [current, setCurrent] = useState<Settings | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    let active = true;
    void readSettings().then((value) => active && setCurrent(value));
    const unwatch = settings.watch(() => {
      void readSettings().then((value) => active && setCurrent(value));
    });
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  const change = useCallback((edit: (current: Settings) => Settings) => {
    const run = chain.current.then(() => updateSettings(edit));
    chain.current = run.catch((error) => console.error('settings', error));
    return run.then(setCurrent);
  }, []);
  return { current, change };
}
