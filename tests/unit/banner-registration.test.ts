import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncBannerRegistration } from '@/utils/banner-registration';
import { installScripting } from '../helpers/scripting';

describe('syncBannerRegistration', () => {
  let scripting: ReturnType<typeof installScripting>;

  beforeEach(() => {
    fakeBrowser.reset();
    scripting = installScripting();
  });

  it('runs nothing on ChatGPT while all is well', async () => {
    await syncBannerRegistration(false);
    expect(scripting.registered.size).toBe(0);
    expect(scripting.injected).toEqual([]);
  });

  it('registers the banner for ChatGPT pages and injects it into the ChatGPT tabs already open', async () => {
    const chatgpt = await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/c/123' });
    await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await syncBannerRegistration(true);
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

  it('injects once per outage, and unregisters when it ends', async () => {
    await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' });
    await syncBannerRegistration(true);
    await syncBannerRegistration(true);
    expect(scripting.injected).toHaveLength(1);
    await syncBannerRegistration(false);
    expect(scripting.registered.size).toBe(0);
  });
});
