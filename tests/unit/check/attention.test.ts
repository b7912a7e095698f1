import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '@/utils/catalog';
import { attentionFor, troubledProducts, watchesChatGpt } from '@/utils/check/attention';
import { CADENCE, sourceInterval, staleAfter } from '@/utils/cadence/cadence';
import { officialReading } from '@/utils/health/official';
import type { ProbeResult } from '@/utils/probes/probe';
import { serviceHealth } from '../../helpers/health';

const provider = (id: string) => PROVIDERS.find((p) => p.id === id)!;
const failing: ProbeResult = { at: 1, outcome: 'failing', cause: 'timeout', latencyMs: null };
const answered: ProbeResult = { at: 1, outcome: 'answered', cause: 'status', latencyMs: 90 };

describe('which products deserve a closer look', () => {
  it('counts the last verdict, the user’s failing requests and a failed probe', () => {
    const troubled = troubledProducts(
      {
        checkedAt: 1,
        services: [
          serviceHealth({ id: 'sora', state: 'degraded' }),
          serviceHealth({ id: 'claude', state: 'operational' }),
        ],
      },
      { chatgpt: { state: 'failing' }, 'openai-login': { state: 'working' } },
      {
        'le-chat': { results: [answered, failing], latencies: [] },
        groq: { results: [failing, answered], latencies: [] },
      },
    );
    expect([...troubled].sort()).toEqual(['chatgpt', 'le-chat', 'sora']);
  });
});

describe('an open ChatGPT tab', () => {
  it("calls for a closer look at OpenAI only while the user's own requests say nothing", () => {
    expect(watchesChatGpt(true, undefined)).toBe(true);
    expect(watchesChatGpt(true, { state: 'quiet' })).toBe(true);
    // A tab in use: each of the user's requests is a fresher look than any read of ours.
    expect(watchesChatGpt(true, { state: 'working' })).toBe(false);
    // Failing requests make ChatGPT troubled (troubledProducts): closer still, not calmer.
    expect(watchesChatGpt(true, { state: 'failing' })).toBe(true);
    expect(watchesChatGpt(false, { state: 'quiet' })).toBe(false);
  });
});

describe('how closely each provider is watched', () => {
  it('is calm while all is well and ChatGPT is not open', () => {
    for (const each of PROVIDERS) {
      expect(attentionFor(each, new Set(), false)).toEqual({ trouble: false, watching: false });
    }
  });

  it('watches OpenAI, and only OpenAI, while the user has ChatGPT open', () => {
    const watched = PROVIDERS.filter((each) => attentionFor(each, new Set(), true).watching);
    expect(watched.map((each) => each.id)).toEqual(['openai']);
  });

  it('watches the providers of every way out while ChatGPT is in trouble', () => {
    const troubled = new Set(['chatgpt']);
    const watched = PROVIDERS.filter((each) => attentionFor(each, troubled, false).watching);
    expect(watched.map((each) => each.id)).toEqual([
      'anthropic',
      'google-workspace',
      'microsoft',
      'mistral',
      'perplexity',
      'deepseek',
      'xai',
    ]);
    expect(attentionFor(provider('openai'), troubled, false).trouble).toBe(true);
    expect(attentionFor(provider('groq'), troubled, false)).toEqual({
      trouble: false,
      watching: false,
    });
  });
});

describe('a provider heavy to read', () => {
  const google = provider('google-cloud');

  it('is read at its own, slower pace: hourly while calm, faster when needed or in trouble', () => {
    const pace = google.pace!;
    expect(pace.calmMs).toBe(60 * 60_000);
    expect(sourceInterval({ trouble: false }, pace)).toBe(pace.calmMs);
    expect(sourceInterval({ trouble: false, watching: true }, pace)).toBe(10 * 60_000);
    expect(sourceInterval({ trouble: true }, pace)).toBe(5 * 60_000);
    // Every other provider keeps the default pace.
    expect(sourceInterval({ trouble: false }, provider('openai').pace)).toBe(CADENCE.calmMs);
    expect(sourceInterval({ trouble: true }, provider('openai').pace)).toBe(CADENCE.troubleMs);
  });

  it('keeps its last read for two of its own polls, then says unknown', () => {
    const product = google.products[0]!;
    const read = {
      attemptedAt: 0,
      okAt: 0,
      report: { components: [], incidents: [] },
      error: null,
      failures: 0,
      nextDueAt: google.pace!.calmMs!,
      layout: null,
    };
    const limit = staleAfter(google.pace!.calmMs);
    expect(limit).toBeGreaterThan(2 * google.pace!.calmMs!);
    expect(officialReading(product, 'Google Cloud', read, limit, limit).state).toBe('operational');
    expect(officialReading(product, 'Google Cloud', read, limit + 1, limit).state).toBe('unknown');
  });
});
