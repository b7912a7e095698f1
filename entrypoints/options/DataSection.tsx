import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/core';
import { sendMessage } from '@/utils/messaging';
import type { Settings } from '@/utils/settings';
import { readSettingsFile, settingsFile } from './settings-file';
import type { SettingsEdit } from './types';

const IMPORT_PROBLEMS: Record<'too_large' | 'not_json' | 'not_settings', MessageKey> = {
  too_large: 'options_importTooLarge',
  not_json: 'options_importNotJson',
  not_settings: 'options_importNotSettings',
};

/** "Your data": export and import the settings, and clear the history (asked twice). */
export function DataSection({ current, change }: { current: Settings; change: SettingsEdit }) {
  const [said, setSaid] = useState('');
  const [confirming, setConfirming] = useState(false);

  function exportSettings() {
    const blob = new Blob([settingsFile(current)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'ai-outage-radar-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    setSaid(t('options_exported'));
  }

  async function importSettings(file: File | undefined) {
    if (!file) return;
    const result = readSettingsFile(await file.text());
    if (!result.ok) {
      setSaid(t(IMPORT_PROBLEMS[result.reason]));
      return;
    }
    const { settings } = result;
    await change(() => settings);
    setSaid(
      t('options_imported', [
        String(settings.myTools.length),
        String(settings.hiddenServices.length),
        String(settings.customPages.length),
      ]),
    );
  }

  async function clearHistory() {
    setConfirming(false);
    await sendMessage('clearHistory', undefined);
    setSaid(t('options_historyCleared'));
  }

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('options_dataTitle')}</h2>
      <p class="hint">{t('options_dataHint')}</p>
      <div class="row">
        <button type="button" name="export" onClick={exportSettings}>
          {t('options_export')}
        </button>
        <label class="button">
          {t('options_import')}
          <input
            type="file"
            name="import"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(event) => {
              const input = event.currentTarget;
              void importSettings(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
        {confirming ? (
          <span class="confirm" role="group" aria-label={t('options_historyConfirm')}>
            <span>{t('options_historyConfirm')}</span>
            <button
              type="button"
              class="danger"
              name="confirmClear"
              onClick={() => void clearHistory()}
            >
              {t('options_historyClearYes')}
            </button>
            <button type="button" name="cancelClear" onClick={() => setConfirming(false)}>
              {t('options_cancel')}
            </button>
          </span>
        ) : (
          <button type="button" name="clearHistory" onClick={() => setConfirming(true)}>
            {t('options_historyClear')}
          </button>
        )}
      </div>
      <p class="status-line" role="status" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
