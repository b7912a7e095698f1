import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { CHATGPT_MATCHES } from './utils/chatgpt-pages';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    // storage: the snapshot; alarms: checks survive the worker's death; notifications:
    // outage start/end; scripting: inject the banner UI only while there is an outage.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Status pages we read, and the ChatGPT hosts the banner is injected into.
    host_permissions: ['https://status.openai.com/*', ...CHATGPT_MATCHES],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ai-outage-radar@outage-radar.app',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
