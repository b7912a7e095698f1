import { render } from 'preact';
import { t, uiLanguage } from '@/utils/core';
import { Welcome } from './Welcome';
import '@/components/theme.css';
import '@/components/form.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('welcome_title');
render(<Welcome />, document.getElementById('app')!);
