import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

import { PROVIDERS } from './utils/catalog';
import { catalogHostPermissions } from './utils/catalog/hosts';
import { FIELD_URL_PATTERNS } from './utils/field/classify';
import { OPENAI_SITE_MATCHES } from './utils/catalog/openai-sites';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is explicit: no globals declared for what WXT or our folders export.
  imports: false,
  // The sources Mozilla's reviewers rebuild from: not the screenshots and logs that tests and
  // `npm run demo` leave behind (both ignored by git too).
  zip: { excludeSources: ['demo-output/**', 'test-results/**', '**/*.log'] },
  vite: () => ({ plugins: [preact(), silentContentScripts(), popupInOneRequest()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    // storage: the snapshot; alarms: checks survive the worker's death; notifications:
    // outage start/end; scripting: inject the banner UI only while there is an outage;
    // webRequest: see (not change, not read) the status of the user's own ChatGPT requests.
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'webRequest'],
    // The status pages and probe targets of the catalog, the OpenAI sites the banner is
    // injected into during an outage (ChatGPT, Sora, the API's platform), and the OpenAI
    // hosts whose request outcomes we watch.
    host_permissions: [
      ...new Set([
        ...catalogHostPermissions(PROVIDERS),
        ...OPENAI_SITE_MATCHES,
        ...FIELD_URL_PATTERNS,
      ]),
    ],
    // Asked for one site at a time, at the moment the user acts, never at install: a status
    // page the user adds in the options (to read it), and an alternative they open with their
    // prompt (to type it into its composer). See docs/SECURITY.md.
    ...(browser === 'firefox'
      ? // Firefox's MV2 manifest lists optional hosts among its optional permissions.
        { optional_permissions: ['https://*/*'] }
      : { optional_host_permissions: ['https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ai-outage-radar@outage-radar.app',
              // 140 (the current ESR) is the first to read data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

/**
 * Content scripts get a context that announces nothing to the page they run in
 * (entrypoints/banner.content/silent-context.ts): only the import made by WXT's content-script
 * entry is redirected, so the silent class itself still extends WXT's.
 */
function silentContentScripts(): Plugin {
  const silent = fileURLToPath(
    new URL('./entrypoints/banner.content/silent-context.ts', import.meta.url),
  );
  return {
    name: 'ai-outage-radar:silent-content-scripts',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        source === 'wxt/utils/content-script-context' &&
        importer?.includes('content-script-isolated-world-entrypoint')
      ) {
        return silent;
      }
      return undefined;
    },
  };
}

/**
 * The popup's page asks for one file only, its script: every request to an extension's own
 * files waits its turn in the browser process, and the popup's first paint waited for them
 * (tests/bench/paint.mjs). So its stylesheets go inline (a page's CSP allows inline styles,
 * never inline scripts), and WXT's `virtual:wxt-html-plugins` module is dropped from it: that
 * module only runs WXT's plugin initialiser, which the popup's one script, an unlisted-script
 * entrypoint, already runs itself. Other pages keep their files.
 */
function popupInOneRequest(): Plugin {
  // Stylesheets now inside the popup's page: shipped as files only if another page links them.
  const inlined = new Set<string>();
  return {
    name: 'ai-outage-radar:popup-in-one-request',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const pages = Object.values(bundle).filter(
        (file) => file.type === 'asset' && file.fileName.endsWith('.html'),
      );
      for (const css of inlined) {
        const linked = pages.some((page) =>
          String(page.type === 'asset' && page.source).includes(css),
        );
        if (!linked) delete bundle[css];
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, bundle }) {
        if (!path.endsWith('/popup/index.html') || !bundle) return html;
        return html
          .replace(/<link rel="stylesheet"[^>]* href="\/([^"]+\.css)">/g, (tag, file: string) => {
            const asset = bundle[file];
            if (asset?.type !== 'asset') return tag;
            inlined.add(file);
            return `<style>${String(asset.source)}</style>`;
          })
          .replace(
            /<script type="module"[^>]* src="\/([^"]+\.js)"><\/script>/g,
            (tag, file: string) => {
              const chunk = bundle[file];
              const pluginsOnly =
                chunk?.type === 'chunk' && chunk.moduleIds.includes('\0virtual:wxt-html-plugins');
              return pluginsOnly ? '' : tag;
            },
          );
      },
    },
  };
}
