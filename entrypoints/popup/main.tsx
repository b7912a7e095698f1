import { render } from 'preact';
import { t, uiLanguage } from '@/utils/i18n';
import { DEFAULT_SETTINGS, readSettings } from '@/utils/settings';
import { healthSnapshot } from '@/utils/storage';
import { App } from './App';
import '@/components/state-dot.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('extName');

// Nothing is rendered until the snapshot is read: the first paint is the answer, not an
// empty frame that the answer replaces a moment later (and no layout shift either).
void Promise.all([healthSnapshot.getValue(), readSettings().catch(() => DEFAULT_SETTINGS)]).then(
  ([snapshot, settings]) => {
    render(<App initial={{ snapshot, settings }} />, document.getElementById('app')!);
  },
);
