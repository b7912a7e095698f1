import type { Alternative } from '../catalog/types';

/**
 * The longest fill URL we open. Browsers' own "ask an AI" features cap these URLs at a few
 * thousand characters per service, and a long query string plus cookies has drawn HTTP 431
 * (../shared/prefill.md): beyond this, the prompt travels another way.
 */
export const FILL_URL_MAX = 2_000;

/** The longest prompt we carry; longer input is refused rather than cut without a word. */
export const PROMPT_MAX = 100_000;

/** How an alternative was opened with the user's prompt (the banner says so). */
export type HandoffOutcome =
  /** Opened with a fill-don't-send URL: the prompt is typed there, not sent. */
  | 'url'
  /** Opened; our script types the prompt into its composer (access to the site was granted). */
  | 'fill'
  /** A page of ours asks for access to the site first; the prompt waits in session storage. */
  | 'ask'
  /** Opened as is: the prompt is on the clipboard only (or there was none). */
  | 'clipboard';

/** What the worker does with a prompt for an alternative (`outcome` is what the banner says). */
export type HandoffPlan =
  /** Open `url`: a fill-don't-send URL that carries the prompt, or the home page as is. */
  | { outcome: 'url' | 'clipboard'; url: string }
  /** Open `url` (the home page), then our script types the prompt into its composer. */
  | { outcome: 'fill'; url: string; composer: readonly string[] }
  /** Our page asks for access to `origins` first; the prompt waits in session storage. */
  | { outcome: 'ask'; origins: string[] };

/** The match pattern that covers every page of `url`'s origin, as permissions take it. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/**
 * How to take `prompt` to `alternative`, best first: a short prompt by its fill-don't-send
 * URL; otherwise our script in its composer once the user let us onto that site (`hasAccess`)
 * or after asking; the clipboard alone where neither is possible. The prompt goes into a URL
 * only by `fillUrl`, so never to a service that would send it by itself.
 */
export function planHandoff(
  alternative: Alternative,
  prompt: string,
  hasAccess: boolean,
): HandoffPlan {
  const home = alternative.homeUrl;
  if (prompt.trim() === '') return { outcome: 'clipboard', url: home };
  if (alternative.fillUrl) {
    const url = alternative.fillUrl(prompt);
    if (url.length <= FILL_URL_MAX) return { outcome: 'url', url };
  }
  if (alternative.composer?.length) {
    return hasAccess
      ? { outcome: 'fill', url: home, composer: alternative.composer }
      : { outcome: 'ask', origins: [originPattern(home)] };
  }
  return { outcome: 'clipboard', url: home };
}

/** Whether a plan needs to know if we hold access to the alternative's site. */
export function needsAccessCheck(alternative: Alternative, prompt: string): boolean {
  return planHandoff(alternative, prompt, false).outcome === 'ask';
}
