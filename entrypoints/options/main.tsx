import { render } from 'preact';
import { t, uiLanguage } from '@/utils/core';
import { App } from './App';
import '@/components/theme.css';
import '@/components/form.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('options_title');
render(<App />, document.getElementById('app')!);
