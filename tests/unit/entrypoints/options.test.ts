import { describe, expect, it } from 'vitest';
import { movedPreference } from '@/entrypoints/options/AlternativesSection';
import { readSettingsFile, settingsFile } from '@/entrypoints/options/settings-file';
import { ALTERNATIVES } from '@/utils/catalog/alternatives';
import { userOrder } from '@/utils/settings/order';
import { normalizeSettings } from '@/utils/settings/normalize';
import { DEFAULT_SETTINGS } from '@/utils/settings/types';

const chat = ALTERNATIVES.filter((alternative) => alternative.kind === 'chat');

describe('moving an alternative', () => {
  it('swaps it with its neighbour, and keeps the other kinds preferences', () => {
    const preferred = ['claude-console'];
    const ordered = userOrder(chat, preferred, (alternative) => alternative.id);
    const moved = movedPreference(preferred, ordered, 'gemini', -1);
    expect(moved[0]).toBe('claude-console');
    expect(userOrder(chat, moved, (alternative) => alternative.id).map((a) => a.id)).toEqual([
      'gemini',
      'claude',
      ...ordered.slice(2).map((alternative) => alternative.id),
    ]);
  });

  it('does nothing past either end', () => {
    const ordered = userOrder(chat, [], (alternative) => alternative.id);
    expect(movedPreference([], ordered, ordered[0]!.id, -1)).toEqual([]);
    expect(movedPreference([], ordered, ordered.at(-1)!.id, 1)).toEqual([]);
  });
});

describe('the settings file', () => {
  it('round-trips', () => {
    const settings = normalizeSettings({ myTools: ['chatgpt'], quietHours: { enabled: true } });
    expect(readSettingsFile(settingsFile(settings))).toEqual({ ok: true, settings });
  });

  it('refuses what is not a settings file, and says why', () => {
    expect(readSettingsFile('not json')).toEqual({ ok: false, reason: 'not_json' });
    expect(readSettingsFile('[1, 2]')).toEqual({ ok: false, reason: 'not_settings' });
    expect(readSettingsFile('{"hello": "world"}')).toEqual({ ok: false, reason: 'not_settings' });
    expect(readSettingsFile(' '.repeat(300_000))).toEqual({ ok: false, reason: 'too_large' });
  });

  it('keeps what is valid in a hand-edited file and drops the rest', () => {
    const result = readSettingsFile(
      '{"myTools": ["claude", "<script>"], "banner": {"enabled": 0}}',
    );
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, myTools: ['claude'] },
    });
  });
});
