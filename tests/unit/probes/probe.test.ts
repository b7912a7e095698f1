import { describe, expect, it, vi } from 'vitest';
import { probeTarget } from '@/utils/probes/probe';

const URL_ = 'https://api.openai.com/v1/models';
const START = Date.parse('2025-06-10T14:00:00.000Z');

/** A fetch that takes `latencyMs` on a fake clock, then answers with `status`. */
function answering(status: number, latencyMs = 120) {
  let clock = START;
  const fetch = vi.fn(async () => {
    clock += latencyMs;
    return new Response('{"error":"no key"}', { status });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock };
}

describe('probeTarget', () => {
  it.each([
    [200, 'answered'],
    [401, 'answered'],
    [403, 'answered'],
    [404, 'answered'],
    [405, 'answered'],
    [429, 'answered'],
    [500, 'failing'],
    [502, 'failing'],
    [503, 'failing'],
    [504, 'failing'],
  ] as const)('HTTP %i → %s, with its latency', async (status, outcome) => {
    const result = await probeTarget(URL_, answering(status, 340));
    expect(result).toEqual({ at: START, outcome, cause: 'status', status, latencyMs: 340 });
  });

  it('asks without cookies, cache or redirects, and cancels the body', async () => {
    const cancel = vi.fn();
    const body = new ReadableStream({ cancel });
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) => new Response(body, { status: 401 }),
    );
    await probeTarget(URL_, { fetch: fetch as unknown as typeof globalThis.fetch });
    expect(fetch).toHaveBeenCalledWith(
      URL_,
      expect.objectContaining({ credentials: 'omit', cache: 'no-store', redirect: 'manual' }),
    );
    await vi.waitFor(() => expect(cancel).toHaveBeenCalled());
  });

  it('counts a redirect (opaque under redirect: manual) as an answer', async () => {
    const fetch = async () =>
      ({ type: 'opaqueredirect', status: 0, ok: false, body: null }) as unknown as Response;
    expect(await probeTarget(URL_, { fetch, now: () => START })).toEqual({
      at: START,
      outcome: 'answered',
      cause: 'status',
      latencyMs: 0,
    });
  });

  it.each([
    ['a fetch that never resolves', () => new Promise<Response>(() => undefined), 'timeout'],
    [
      'a fetch that honours the abort signal',
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        ),
      'timeout',
    ],
    [
      'a rejecting fetch (offline, DNS, TLS)',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'network',
    ],
    [
      'a fetch that throws synchronously',
      () => {
        throw new TypeError('bad');
      },
      'network',
    ],
  ] as const)('%s → failing by %s, never a throw', async (_name, fetch, cause) => {
    const result = await probeTarget(URL_, {
      fetch: fetch as unknown as typeof globalThis.fetch,
      timeoutMs: 20,
      now: () => START,
    });
    expect(result).toEqual({ at: START, outcome: 'failing', cause, latencyMs: null });
  });
});
