import { render } from 'preact';
import { t, uiLanguage } from '@/utils/i18n';
import { App } from './App';
import '@/components/state-dot.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
render(<App />, document.getElementById('app')!);
