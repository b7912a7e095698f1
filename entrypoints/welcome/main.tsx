import { render } from 'preact';
import { t, uiLanguage } from '@/utils/core/i18n';
import { Welcome } from './Welcome';
import '@/components/theme.css';
import '../options/style.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('welcome_title');
render(<Welcome />, document.getElementById('app')!);
