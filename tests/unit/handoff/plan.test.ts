import { describe, expect, it } from 'vitest';
import { ALTERNATIVES } from '@/utils/catalog/alternatives';
import type { Alternative } from '@/utils/catalog/types';
import { FILL_URL_MAX, originPattern, planHandoff, PROMPT_MAX } from '@/utils/handoff/plan';
import { isTrustedSender, readOpenRequest } from '@/utils/handoff/request';

const byId = (id: string) => ALTERNATIVES.find((a) => a.id === id)!;
const claude = byId('claude');
const gemini = byId('gemini');
const console_ = byId('claude-console');

describe('planHandoff', () => {
  it('opens the home page with nothing to carry when the prompt is empty', () => {
    expect(planHandoff(claude, '  \n', true)).toEqual({
      outcome: 'clipboard',
      url: 'https://claude.ai/new',
    });
  });

  it('takes a short prompt in a fill-don\u2019t-send URL', () => {
    expect(planHandoff(claude, 'Plan a trip to Turin & Milan', false)).toEqual({
      outcome: 'url',
      url: 'https://claude.ai/new?q=Plan%20a%20trip%20to%20Turin%20%26%20Milan',
    });
  });

  it('keeps a fill URL under the limit, and asks for the composer beyond it', () => {
    const base = 'https://claude.ai/new?q='.length;
    const fits = 'a'.repeat(FILL_URL_MAX - base);
    expect(planHandoff(claude, fits, false).outcome).toBe('url');
    expect(planHandoff(claude, `${fits}a`, false)).toEqual({
      outcome: 'ask',
      origins: ['https://claude.ai/*'],
    });
    // Encoding counts: 400 accented letters are 2,400 characters once in the URL.
    expect(planHandoff(claude, 'é'.repeat(400), false).outcome).toBe('ask');
  });

  it('fills the composer where we already hold access to the site', () => {
    expect(planHandoff(gemini, 'Hello', true)).toEqual({
      outcome: 'fill',
      url: 'https://gemini.google.com/app',
      composer: gemini.composer,
    });
  });

  it('asks for access to that one site first when we hold none', () => {
    expect(planHandoff(gemini, 'Hello', false)).toEqual({
      outcome: 'ask',
      origins: ['https://gemini.google.com/*'],
    });
  });

  it('leaves the prompt on the clipboard where there is no known composer', () => {
    expect(planHandoff(console_, 'Hello', true)).toEqual({
      outcome: 'clipboard',
      url: 'https://platform.claude.com/',
    });
  });

  it('never puts a prompt in a URL for a service without a fill URL', () => {
    for (const alternative of ALTERNATIVES.filter((a) => !a.fillUrl)) {
      for (const access of [true, false]) {
        const plan = planHandoff(alternative, 'secret words', access);
        expect('url' in plan ? plan.url : '').not.toContain('secret');
      }
    }
  });

  it('gives every chat and video alternative but the consoles a composer', () => {
    const withComposer = ALTERNATIVES.filter((a) => a.composer?.length).map((a) => a.kind);
    expect(new Set(withComposer)).toEqual(new Set(['chat', 'video']));
    expect(ALTERNATIVES.filter((a) => a.kind === 'api' && a.composer)).toEqual([]);
  });

  it('names an origin as the permission pattern for it', () => {
    expect(originPattern('https://copilot.microsoft.com/')).toBe('https://copilot.microsoft.com/*');
  });
});

describe('readOpenRequest', () => {
  it('accepts a known alternative and a string prompt', () => {
    expect(readOpenRequest({ alternativeId: 'gemini', prompt: 'Hi' })).toEqual({
      alternative: gemini,
      prompt: 'Hi',
    });
  });

  it.each([
    ['no data', undefined],
    ['a string', 'gemini'],
    ['an unknown alternative', { alternativeId: 'evil', prompt: 'Hi' }],
    ['an inherited key as id', { alternativeId: 'constructor', prompt: 'Hi' }],
    [
      'a prompt that is not text',
      { alternativeId: 'gemini', prompt: { toString: (): string => 'Hi' } },
    ],
    ['a prompt too long', { alternativeId: 'gemini', prompt: 'a'.repeat(PROMPT_MAX + 1) }],
  ])('refuses %s', (_, data) => {
    expect(readOpenRequest(data)).toBeNull();
  });

  it('accepts a prompt of exactly the longest length', () => {
    expect(
      readOpenRequest({ alternativeId: 'gemini', prompt: 'a'.repeat(PROMPT_MAX) }),
    ).not.toBeNull();
  });
});

describe('isTrustedSender', () => {
  const extension = { id: 'ext', base: 'chrome-extension://ext/' };
  const tab = { id: 7, index: 2, windowId: 1 };

  it.each([
    ['our banner on chatgpt.com', { id: 'ext', url: 'https://chatgpt.com/c/1', tab, frameId: 0 }],
    ['our banner on Sora', { id: 'ext', url: 'https://sora.chatgpt.com/explore', tab, frameId: 0 }],
    ['our banner on the API platform', { id: 'ext', url: 'https://platform.openai.com/', tab }],
    ['a page of ours', { id: 'ext', url: 'chrome-extension://ext/popup.html' }],
  ])('trusts %s', (_, sender) => {
    expect(isTrustedSender(sender, extension)).toBe(true);
  });

  it.each([
    ['another extension', { id: 'other', url: 'https://chatgpt.com/', tab }],
    ['a script of ours on another site', { id: 'ext', url: 'https://example.com/', tab }],
    ['a look-alike host', { id: 'ext', url: 'https://chatgpt.com.evil.example/', tab }],
    ['a frame inside ChatGPT', { id: 'ext', url: 'https://chatgpt.com/embed', tab, frameId: 3 }],
    ['an OpenAI URL without a tab', { id: 'ext', url: 'https://chatgpt.com/' }],
    ['no URL', { id: 'ext', tab }],
    ['another extension\u2019s page', { id: 'ext', url: 'chrome-extension://other/popup.html' }],
    ['a look-alike extension URL', { id: 'ext', url: 'chrome-extension://ext.evil/popup.html' }],
  ])('refuses %s', (_, sender) => {
    expect(isTrustedSender(sender, extension)).toBe(false);
  });
});

// Keeps the test honest if a catalog entry is edited: a composer list is never empty.
it('lists no empty composer', () => {
  const empty = ALTERNATIVES.filter((a: Alternative) => a.composer && a.composer.length === 0);
  expect(empty).toEqual([]);
});
