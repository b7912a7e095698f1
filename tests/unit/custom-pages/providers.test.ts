import { IDBFactory } from 'fake-indexeddb';
import { keys, set } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshBrowser } from '../../helpers/fresh-browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROVIDERS } from '@/utils/catalog';
import { createRadar } from '@/utils/check/run-check';
import { customProvider, providersFor } from '@/utils/custom-pages/providers';
import { detectionStore, historyStore } from '@/utils/history/store';
import { removeAllListeners, sendMessage } from '@/utils/messaging';
import { settings } from '@/utils/settings/settings';
import { normalizeSettings } from '@/utils/settings/normalize';
import type { CustomStatusPage } from '@/utils/settings/types';
import { registerSettingsHandlers } from '@/utils/settings/background';
import { fixture } from '../../helpers/fixtures';

const cloudflare: CustomStatusPage = {
  id: 'www-cloudflarestatus-com',
  name: 'Cloudflare Status',
  pageUrl: 'https://www.cloudflarestatus.com/',
  source: { format: 'statuspage', baseUrl: 'https://www.cloudflarestatus.com' },
  addedAt: 1,
};
const noCustom = { hiddenServices: [], customPages: [] };

describe('providersFor', () => {
  it('is the catalog when nothing is hidden or added', () => {
    expect(providersFor(noCustom)).toEqual(PROVIDERS);
  });

  it('drops hidden products, and a provider left with none', () => {
    const providers = providersFor({
      hiddenServices: ['sora', 'claude', 'claude-api', 'claude-code'],
      customPages: [],
    });
    const openai = providers.find((provider) => provider.id === 'openai')!;
    expect(openai.products.map((product) => product.id)).not.toContain('sora');
    expect(openai.products.length).toBe(PROVIDERS[0]!.products.length - 1);
    expect(providers.some((provider) => provider.id === 'anthropic')).toBe(false);
  });

  it('adds each custom page as a whole-page provider of one product, unless hidden', () => {
    const provider = customProvider(cloudflare);
    expect(provider).toEqual({
      id: 'custom:www-cloudflarestatus-com',
      name: 'Cloudflare Status',
      statusPageUrl: 'https://www.cloudflarestatus.com/',
      sources: [cloudflare.source],
      products: [
        {
          id: 'custom:www-cloudflarestatus-com',
          name: 'Cloudflare Status',
          category: 'api',
          homeUrl: 'https://www.cloudflarestatus.com/',
          match: { wholePage: true },
          standsInFor: [],
        },
      ],
    });
    expect(providersFor({ hiddenServices: [], customPages: [cloudflare] }).at(-1)).toEqual(
      provider,
    );
    expect(
      providersFor({ hiddenServices: [provider.id], customPages: [cloudflare] }).at(-1)?.id,
    ).not.toBe(provider.id);
  });
});

describe('a check follows the settings', () => {
  let requested: string[] = [];
  // The web: Cloudflare's capture at its real URL; every other page a 404, every probe a 401.
  const web: typeof fetch = async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    requested.push(url);
    if (url === 'https://www.cloudflarestatus.com/api/v2/summary.json') {
      return new Response(fixture('statuspage/cloudflare/active-grouped/summary.json'));
    }
    return new Response('<!doctype html><title>Not found</title>', { status: 404 });
  };

  beforeEach(() => {
    freshBrowser();
    requested = [];
  });

  it('reads neither the status page nor the probes of a provider whose products are all hidden', async () => {
    const openai = PROVIDERS.find((provider) => provider.id === 'openai')!;
    await settings.setValue(
      normalizeSettings({ hiddenServices: openai.products.map((product) => product.id) }),
    );
    const snapshot = await createRadar({ fetch: web }).check(true);
    expect(requested.some((url) => url.includes('openai.com'))).toBe(false);
    expect(requested.some((url) => url.includes('anthropic.com'))).toBe(true);
    expect(snapshot.services.some((service) => service.providerId === 'openai')).toBe(false);
  });

  it("reads the user's own page with its adapter and publishes it as a product", async () => {
    await settings.setValue(normalizeSettings({ customPages: [cloudflare] }));
    const snapshot = await createRadar({ fetch: web }).check(true);
    const service = snapshot.services.find((one) => one.id === 'custom:www-cloudflarestatus-com');
    expect(service).toMatchObject({
      name: 'Cloudflare Status',
      providerId: 'custom:www-cloudflarestatus-com',
      statusPageUrl: 'https://www.cloudflarestatus.com/',
      state: 'partial_outage',
    });
    expect(service!.incidents.length).toBeGreaterThan(0);
  });

  it('reads a page it may not reach as unknown, with a reason, never down', async () => {
    await settings.setValue(normalizeSettings({ customPages: [cloudflare] }));
    const blocked: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const snapshot = await createRadar({ fetch: blocked }).check(true);
    const service = snapshot.services.find((one) => one.id === 'custom:www-cloudflarestatus-com');
    expect(service?.state).toBe('unknown');
    expect(service?.reasons.length).toBeGreaterThan(0);
  });
});

describe('the worker side of the settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
    globalThis.indexedDB = new IDBFactory();
  });

  it('checks as soon as the settings change', async () => {
    const radar = { check: vi.fn(async () => undefined) };
    registerSettingsHandlers(radar);
    expect(radar.check).not.toHaveBeenCalled();
    await settings.setValue(normalizeSettings({ hiddenServices: ['sora'] }));
    await vi.waitFor(() => expect(radar.check).toHaveBeenCalledTimes(1));
  });

  it('opens the first-run page on install only', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerSettingsHandlers({ check: async () => undefined });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/welcome.html') });
  });

  it('clears both history stores on clearHistory', async () => {
    registerSettingsHandlers({ check: async () => undefined });
    await set(60_000, { checkedAt: 60_000, states: {} }, historyStore());
    await set('chatgpt:1', { serviceId: 'chatgpt' }, detectionStore());
    await sendMessage('clearHistory', undefined);
    expect(await keys(historyStore())).toEqual([]);
    expect(await keys(detectionStore())).toEqual([]);
  });
});
