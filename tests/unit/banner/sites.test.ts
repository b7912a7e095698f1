import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBannerHandlers } from '@/utils/banner/background';
import { PROVIDERS } from '@/utils/catalog';
import { attentionFor } from '@/utils/check/attention';
import { removeAllListeners, sendMessage } from '@/utils/messaging';
import { OPENAI_SITE_MATCHES, siteForHost } from '@/utils/catalog/openai-sites';
import { bannerSnoozes } from '@/utils/banner/store';
import { healthSnapshot } from '@/utils/health/store';
import { serviceHealth } from '../../helpers/health';
import { installScripting } from '../../helpers/scripting';

describe('which OpenAI site a page is', () => {
  it.each([
    ['chatgpt.com', 'chatgpt', 'chatgpt', 'chat'],
    ['chat.openai.com', 'chatgpt', 'chatgpt', 'chat'],
    ['sora.chatgpt.com', 'sora', 'sora', 'video'],
    ['sora.com', 'sora', 'sora', 'video'],
    ['platform.openai.com', 'platform', 'openai-api', 'api'],
    ['SORA.com', 'sora', 'sora', 'video'],
  ])('%s is %s, about %s, offering %s', (host, id, productId, kind) => {
    expect(siteForHost(host)).toMatchObject({ id, productId, kind });
  });

  it.each(['openai.com', 'status.openai.com', 'evil.chatgpt.com.example', 'x.sora.com', ''])(
    '%s is none of them',
    (host) => {
      expect(siteForHost(host)).toBeUndefined();
    },
  );

  it('matches every site’s pages, over https only', () => {
    expect(OPENAI_SITE_MATCHES).toEqual([
      'https://chatgpt.com/*',
      'https://chat.openai.com/*',
      'https://sora.chatgpt.com/*',
      'https://sora.com/*',
      'https://platform.openai.com/*',
    ]);
  });
});

describe('ways out watched while an OpenAI product is in trouble', () => {
  const watched = (troubled: string[]) =>
    PROVIDERS.filter((provider) => attentionFor(provider, new Set(troubled), false).watching)
      .map((provider) => provider.id)
      .sort();

  it('watches the video alternatives’ providers while Sora is in trouble', () => {
    expect(watched(['sora'])).toEqual(['google-workspace', 'xai']);
  });

  it('watches the API consoles’ providers while the API is in trouble', () => {
    expect(watched(['openai-api'])).toEqual(
      PROVIDERS.filter((provider) =>
        provider.products.some((product) =>
          ['claude-api', 'gemini-api', 'le-chat', 'groq', 'deepseek'].includes(product.id),
        ),
      )
        .map((provider) => provider.id)
        .sort(),
    );
    expect(watched(['openai-api'])).not.toContain('perplexity');
  });
});

describe("the worker's side of the banner", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installScripting();
    registerBannerHandlers();
  });
  afterEach(() => removeAllListeners());

  it('stores a snooze for the site asked, and only a well-formed one', async () => {
    await healthSnapshot.setValue({
      checkedAt: 1,
      services: [serviceHealth({ id: 'sora', state: 'major_outage', openedAt: 42 })],
    });
    await sendMessage('snoozeBanner', { site: 'sora', openedAt: 42, for: 'outage' });
    expect(await bannerSnoozes.getValue()).toEqual({ sora: { openedAt: 42 } });
    await sendMessage('snoozeBanner', { site: 'evil', openedAt: 1, for: 'hour' } as never);
    await sendMessage('snoozeBanner', { site: 'chatgpt', openedAt: 1, for: 'ever' } as never);
    expect(await bannerSnoozes.getValue()).toEqual({ sora: { openedAt: 42 } });
  });

  it('takes an old banner’s dismissal as ChatGPT’s snooze until recovery', async () => {
    await sendMessage('dismissBanner', 7);
    expect(await bannerSnoozes.getValue()).toEqual({ chatgpt: { openedAt: 7 } });
  });
});
