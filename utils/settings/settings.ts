import { storage } from 'wxt/utils/storage';
import { normalizeSettings } from './normalize';
import { DEFAULT_SETTINGS, type Settings } from './types';

/**
 * The user's settings. Written by the options and first-run pages (the user's own choices,
 * not radar state); read by the worker and every UI. Read through `readSettings` or
 * `normalizeSettings`: what sync brings may come from an older or newer version.
 */
export const settings = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The stored settings, validated. */
export async function readSettings(): Promise<Settings> {
  return normalizeSettings(await settings.getValue());
}

/**
 * Applies the user's change to the stored settings, validated on the way in. For the options
 * and first-run pages, the only writers: callers chain their changes (useSettings), so two
 * quick clicks never overwrite each other.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings(change(await readSettings()));
  await settings.setValue(next);
  return next;
}
