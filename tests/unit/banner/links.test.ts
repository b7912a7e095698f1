import { describe, expect, it } from 'vitest';
import { BANNER_STATUS_PAGE_URL } from '@/utils/banner/decision';
import { alternativeLink, linkOn, statusLink } from '@/utils/banner/links';
import { ALTERNATIVES } from '@/utils/catalog/alternatives';

const STATUS = 'https://status.openai.com';

describe('linkOn', () => {
  it.each([
    'https://status.openai.com/incidents/01JRB888M6TJVDDKGCA1YZ3ZHT',
    'https://status.openai.com/',
    'https://status.openai.com/incidents/javascript%3Aalert(1)',
    'https://STATUS.openai.com:443/incidents/x',
  ])('keeps %s: https on the trusted origin', (url) => {
    expect(linkOn(url, STATUS, 'fallback')).toBe(new URL(url).href);
  });

  it.each([
    ['plain http', 'http://status.openai.com/incidents/x'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['another host', 'https://evil.example/incidents/x'],
    ['a look-alike host', 'https://status.openai.com.evil.example/'],
    ['a subdomain', 'https://x.status.openai.com/'],
    ['another port', 'https://status.openai.com:8443/'],
    ['credentials', 'https://user:pass@status.openai.com/'],
    ['a user name that hides the host', 'https://status.openai.com@evil.example/'],
    ['a relative path', '/incidents/x'],
    ['protocol-relative', '//evil.example/'],
    ['not a URL', 'not a url'],
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
  ])('falls back for %s', (_, url) => {
    expect(linkOn(url, STATUS, 'fallback')).toBe('fallback');
  });

  it('falls back when the trusted URL itself is not a URL', () => {
    expect(linkOn('https://status.openai.com/', 'nonsense', 'fallback')).toBe('fallback');
  });
});

describe('statusLink', () => {
  it('links the incident when it is on the status page', () => {
    expect(statusLink(`${STATUS}/incidents/abc`, STATUS, STATUS)).toBe(`${STATUS}/incidents/abc`);
  });

  it('falls back to the stored status page, then to the catalog’s', () => {
    expect(statusLink('https://evil.example/', `${STATUS}/history`, STATUS)).toBe(
      `${STATUS}/history`,
    );
    expect(statusLink(null, `${STATUS}/history`, STATUS)).toBe(`${STATUS}/history`);
    expect(statusLink('javascript:alert(1)', 'https://evil.example/', STATUS)).toBe(STATUS);
    expect(statusLink(undefined, 'http://status.openai.com', STATUS)).toBe(STATUS);
  });

  it('trusts the catalog’s ChatGPT status page, which is https', () => {
    expect(BANNER_STATUS_PAGE_URL).toBe('https://status.openai.com');
    expect(linkOn(BANNER_STATUS_PAGE_URL, BANNER_STATUS_PAGE_URL, 'x')).toBe(
      'https://status.openai.com/',
    );
  });
});

describe('alternativeLink', () => {
  it.each(ALTERNATIVES.map((alternative) => [alternative.id, alternative] as const))(
    'keeps %s’s home page and prompt link as they are',
    (_, alternative) => {
      expect(alternativeLink(alternative.homeUrl, alternative.homeUrl, STATUS)).toBe(
        alternative.homeUrl,
      );
      const prompt = 'Summarize the June 2025 outage & its causes <b>?</b> https://x.example/#';
      const url = alternative.fillUrl?.(prompt);
      if (url) expect(alternativeLink(url, alternative.homeUrl, STATUS)).toBe(url);
    },
  );

  it('falls back to the catalog home page for a link off its origin', () => {
    expect(alternativeLink('https://evil.example/?q=x', 'https://claude.ai/new', STATUS)).toBe(
      'https://claude.ai/new',
    );
    expect(alternativeLink('http://claude.ai/new', 'https://claude.ai/new', STATUS)).toBe(
      'https://claude.ai/new',
    );
  });

  it('falls back to the status page when the home page is not https either', () => {
    expect(alternativeLink('http://example.com/', 'http://example.com/', STATUS)).toBe(STATUS);
  });
});
