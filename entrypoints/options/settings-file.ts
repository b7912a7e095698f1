import { normalizeSettings, type Settings } from '@/utils/settings';

/** A settings file bigger than this is not ours (twenty pages and every id fit in a few KB). */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

/** What an exported file holds: the settings, under a name that says what the file is. */
export function settingsFile(current: Settings): string {
  return `${JSON.stringify({ aiOutageRadarSettings: 1, settings: current }, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; settings: Settings }
  | { ok: false; reason: 'too_large' | 'not_json' | 'not_settings' };

/**
 * A file the user picked, read as settings. It is untrusted: anything invalid in it takes its
 * default (normalizeSettings); a file that is not JSON, or has none of our keys, is refused
 * rather than resetting everything.
 */
export function readSettingsFile(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, reason: 'too_large' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  const wrapped =
    json !== null && typeof json === 'object' && 'settings' in json
      ? (json as { settings: unknown }).settings
      : json;
  const keys = Object.keys(normalizeSettings({}));
  if (
    wrapped === null ||
    typeof wrapped !== 'object' ||
    Array.isArray(wrapped) ||
    !keys.some((key) => key in wrapped)
  ) {
    return { ok: false, reason: 'not_settings' };
  }
  return { ok: true, settings: normalizeSettings(wrapped) };
}
