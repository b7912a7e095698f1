import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncBanners } from '@/utils/banner/registration';
import type { ComponentState } from '@/utils/core/states';
import type { HealthSnapshot } from '@/utils/health/types';
import { settings } from '@/utils/settings/settings';
import { bannerDismissedFor, bannerPrefs, bannerSnoozes } from '@/utils/banner/store';
import { serviceHealth } from '../../helpers/health';
import { installScripting } from '../../helpers/scripting';

const NOW = 10_000_000;

function health(states: Partial<Record<string, ComponentState>>): HealthSnapshot {
  return {
    checkedAt: NOW,
    services: Object.entries(states).map(([id, state], index) =>
      serviceHealth({ id, state, openedAt: index + 1, troubleSince: index + 1 }),
    ),
  };
}

describe('syncBanners', () => {
  let scripting: ReturnType<typeof installScripting>;

  beforeEach(() => {
    fakeBrowser.reset();
    scripting = installScripting();
  });

  it('runs nothing on OpenAI’s sites while all is well', async () => {
    await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' });
    await syncBanners(health({ chatgpt: 'operational', sora: 'operational' }), NOW);
    await syncBanners(null, NOW);
    expect(scripting.registered.size).toBe(0);
    expect(scripting.injected).toEqual([]);
  });

  it('registers the banner for ChatGPT pages and injects it into the ChatGPT tabs already open', async () => {
    const chatgpt = await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/c/123' });
    await fakeBrowser.tabs.create({ url: 'https://sora.chatgpt.com/explore' });
    await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await syncBanners(health({ chatgpt: 'major_outage', sora: 'operational' }), NOW);
    expect([...scripting.registered.values()]).toEqual([
      expect.objectContaining({
        id: 'outage-banner',
        matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
        js: ['/content-scripts/banner.js'],
      }),
    ]);
    expect(scripting.injected).toEqual([
      { tabId: chatgpt.id, files: ['/content-scripts/banner.js'] },
    ]);
  });

  it('puts Sora’s banner on Sora’s pages only, and the API’s on the platform', async () => {
    const sora = await fakeBrowser.tabs.create({ url: 'https://sora.com/library' });
    const platform = await fakeBrowser.tabs.create({ url: 'https://platform.openai.com/chat' });
    await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' });
    await syncBanners(health({ chatgpt: 'operational', sora: 'major_outage' }), NOW);
    expect([...scripting.registered.values()]).toEqual([
      expect.objectContaining({
        id: 'outage-banner-sora',
        matches: ['https://sora.chatgpt.com/*', 'https://sora.com/*'],
      }),
    ]);
    expect(scripting.injected.map(({ tabId }) => tabId)).toEqual([sora.id]);
    await syncBanners(health({ 'openai-api': 'degraded' }), NOW);
    expect([...scripting.registered.keys()]).toEqual(['outage-banner-platform']);
    expect(scripting.injected.map(({ tabId }) => tabId)).toEqual([sora.id, platform.id]);
  });

  it('injects once per outage, and unregisters when it ends', async () => {
    await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' });
    await syncBanners(health({ chatgpt: 'major_outage' }), NOW);
    await syncBanners(health({ chatgpt: 'major_outage' }), NOW);
    expect(scripting.injected).toHaveLength(1);
    await syncBanners(health({ chatgpt: 'operational' }), NOW);
    expect(scripting.registered.size).toBe(0);
  });

  it('keeps the banner off where the user turned it off', async () => {
    await settings.setValue({ banner: { enabled: true, sites: { chatgpt: false } } } as never);
    await syncBanners(health({ chatgpt: 'major_outage', sora: 'major_outage' }), NOW);
    expect([...scripting.registered.keys()]).toEqual(['outage-banner-sora']);
    await settings.setValue({ banner: { enabled: false } } as never);
    await syncBanners(health({ chatgpt: 'major_outage', sora: 'major_outage' }), NOW);
    expect(scripting.registered.size).toBe(0);
  });

  it('unregisters a snoozed site, and registers it again when an hour’s snooze runs out', async () => {
    await syncBanners(health({ chatgpt: 'major_outage' }), NOW);
    await bannerSnoozes.setValue({ chatgpt: { until: NOW + 60_000 } });
    await syncBanners(health({ chatgpt: 'major_outage' }), NOW);
    expect(scripting.registered.size).toBe(0);
    await syncBanners(health({ chatgpt: 'major_outage' }), NOW + 60_000);
    expect(scripting.registered.has('outage-banner')).toBe(true);
  });

  it('honours a dismissal stored before snoozes, and moves it over', async () => {
    await bannerDismissedFor.setValue(1);
    await syncBanners(health({ chatgpt: 'major_outage' }), NOW);
    expect(scripting.registered.size).toBe(0);
    expect(await bannerDismissedFor.getValue()).toBeNull();
    expect(await bannerSnoozes.getValue()).toEqual({ chatgpt: { openedAt: 1 } });
  });

  it('copies what the banner needs of the settings where the banner reads them', async () => {
    await settings.setValue({
      preferredAlternatives: ['grok', 'claude'],
      banner: { enabled: true, sites: { sora: false } },
    } as never);
    await syncBanners(null, NOW);
    expect(await bannerPrefs.getValue()).toEqual({
      sites: ['chatgpt', 'platform'],
      preferredAlternatives: ['grok', 'claude'],
    });
    await settings.setValue({ banner: { enabled: false } } as never);
    await syncBanners(null, NOW);
    expect(await bannerPrefs.getValue()).toEqual({ sites: [], preferredAlternatives: [] });
  });
});
