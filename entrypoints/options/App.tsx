import { t } from '@/utils/core';
import { AlertsSection } from './AlertsSection';
import { AlternativesSection } from './AlternativesSection';
import { CustomPagesSection } from './CustomPagesSection';
import { DataSection } from './DataSection';
import { ToolsSection } from './ToolsSection';
import { useSettings } from './useSettings';

/** The options page: every choice the user can make, saved as soon as it is made. */
export function App() {
  const { current, change } = useSettings();
  return (
    <main class="page">
      <header class="page__header">
        <img src="/icon/48.png" alt="" width="32" height="32" />
        <div>
          <h1>{t('options_title')}</h1>
          <p class="hint">{t('options_savedHint')}</p>
        </div>
      </header>
      {current && (
        <>
          <ToolsSection current={current} change={change} />
          <AlternativesSection current={current} change={change} />
          <AlertsSection current={current} change={change} />
          <CustomPagesSection current={current} change={change} />
          <DataSection current={current} change={change} />
        </>
      )}
      <footer class="page__footer">{t('options_privacy')}</footer>
    </main>
  );
}
