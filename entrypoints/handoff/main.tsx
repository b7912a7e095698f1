import { render } from 'preact';
import { uiLanguage } from '@/utils/core';
import { HandoffPage } from './HandoffPage';
import '@/components/theme.css';
import './style.css';

document.documentElement.lang = uiLanguage();
// handoff.html?alternative=<id>#<token>: the token names the waiting prompt; the prompt itself
// never travels in a URL.
render(
  <HandoffPage
    alternativeId={new URLSearchParams(location.search).get('alternative')}
    token={location.hash.slice(1)}
  />,
  document.getElementById('app')!,
);
