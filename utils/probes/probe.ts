/** How long a probe waits for the response headers before calling the target failing. */
const PROBE_TIMEOUT_MS = 8_000;

/**
 * One knock on a service's front door. `answered` means the service's servers replied with
 * something other than a 5xx, even "401 Unauthorized": a server that can refuse us is up.
 */
export interface ProbeResult {
  /** When the probe started (ms since the epoch). */
  at: number;
  outcome: 'answered' | 'failing';
  /** What decided the outcome: the HTTP status, no answer in time, or no connection at all. */
  cause: 'status' | 'timeout' | 'network';
  /** The HTTP status; absent for timeouts, network errors and redirects (which hide it). */
  status?: number;
  /** Time to the response headers; null when there was no response. */
  latencyMs: number | null;
}

export interface ProbeOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

/**
 * GETs `url` without cookies and reads only the status line and headers, so a probe costs a
 * few hundred bytes whatever the endpoint sends. Never throws.
 *
 * Cross-origin fetches from the extension need a host permission for `url`: without one
 * Chromium applies CORS, and endpoints such as `/v1/models` send no CORS headers with their
 * 401, so the fetch rejects and a healthy service would look unreachable.
 *
 * `redirect: 'manual'` (checked in Chromium's extension service worker: it works, giving an
 * `opaqueredirect` response with status 0) keeps a redirect to a login page from costing a
 * second request: a redirect is an answer. `cache: 'no-store'` because a cached answer says
 * nothing about the service now.
 */
export async function probeTarget(url: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const at = now();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing a timer, besides aborting, bounds the probe even if a fetch ignores its signal.
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([
      doFetch(url, {
        method: 'GET',
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
        signal: controller.signal,
      }),
      timedOut,
    ]);
    if (response === 'timeout')
      return { at, outcome: 'failing', cause: 'timeout', latencyMs: null };
    const latencyMs = Math.max(0, now() - at);
    // The body is never needed: cancelling it stops the download after the headers.
    void response.body?.cancel().catch(() => undefined);
    if (response.type === 'opaqueredirect') {
      return { at, outcome: 'answered', cause: 'status', latencyMs };
    }
    const outcome = response.status >= 500 ? 'failing' : 'answered';
    return { at, outcome, cause: 'status', status: response.status, latencyMs };
  } catch {
    const cause = controller.signal.aborted ? 'timeout' : 'network';
    return { at, outcome: 'failing', cause, latencyMs: null };
  } finally {
    clearTimeout(timer);
  }
}
