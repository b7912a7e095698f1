/** The products the user's own requests can speak for. */
export const FIELD_PRODUCTS = ['chatgpt', 'sora', 'openai-api', 'openai-login'] as const;
export type FieldProductId = (typeof FIELD_PRODUCTS)[number];

/**
 * One request the user's browser made to an OpenAI host, reduced to what an outage needs.
 * Privacy: never a body, query string, full path or conversation id; only the host's
 * product, a coarse class of path, the status or the error name, and the time.
 */
export interface FieldEvent {
  at: number;
  productId: FieldProductId;
  /**
   * `send`: the POST that sends a message (its answer streams back); `step`: the calls a send
   * makes first (the sentinel's, the conversation's prepare), which also fire while typing.
   */
  pathClass: 'send' | 'step' | 'conversation' | 'auth' | 'api' | 'page' | 'other';
  /**
   * `limited`: a 429 (too many requests). One user's rate limit, or, on many kinds of call at
   * once, an overloaded service: see utils/field/window.ts.
   */
  outcome: 'ok' | 'failed' | 'limited';
  status?: number;
  error?: string;
}

/** The part of a `webRequest` onCompleted / onErrorOccurred event this reads. */
export interface FieldRequestDetails {
  url: string;
  type?: string;
  statusCode?: number;
  error?: string;
  timeStamp: number;
  /** The browser's id of the request, the same in each of its events (opaque, per session). */
  requestId?: string;
  method?: string;
  fromCache?: boolean;
  /**
   * Chrome: the origin that started the request (unchanged through redirects); `'null'` for an
   * opaque origin; absent for a navigation the user started (typed URL, bookmark).
   */
  initiator?: string;
  /** Chrome: the frame the request happened in (`outermost_frame`, `sub_frame`...). */
  frameType?: string;
  /** Firefox: the URL of the document or extension page that started the request. */
  originUrl?: string;
  /** Firefox: the URL of the document the request is loaded into (absent for a top-level load). */
  documentUrl?: string;
  /** Firefox: the frames above the requesting document, nearest first; empty at the top. */
  frameAncestors?: readonly { url: string }[];
}

/**
 * Request types that show what the user sees: page loads and the app's API calls (`fetch`
 * counts as `xmlhttprequest` in Chrome and Firefox). Not images, scripts, styles, fonts or
 * favicons (CDN assets fail for their own reasons, and the favicon is often aborted), not
 * pings/beacons (analytics), and not websockets: `https://` patterns do not match `wss://`,
 * and a long-lived socket closes for reasons of the tab (sleep, network change), not the service.
 */
export const FIELD_REQUEST_TYPES = ['main_frame', 'xmlhttprequest'] as const;

const PRODUCT_BY_HOST: Record<string, FieldProductId> = {
  'chatgpt.com': 'chatgpt',
  'chat.openai.com': 'chatgpt',
  'sora.chatgpt.com': 'sora',
  'sora.com': 'sora',
  'auth.openai.com': 'openai-login',
  'api.openai.com': 'openai-api',
};

/**
 * OpenAI's own web apps, as origins (https, default port). A request counts only when one of
 * their pages made it: a page anywhere else (any site whose origin the extension holds a host
 * permission for, say www.google.com for Google's status feed) could otherwise send failing
 * requests to chatgpt.com and fake an outage. platform.openai.com is only ever a requester:
 * its calls to api.openai.com are the API's field signal.
 */
const OPENAI_PAGE_ORIGINS: ReadonlySet<string> = new Set([
  'https://chatgpt.com',
  'https://chat.openai.com',
  'https://sora.chatgpt.com',
  'https://sora.com',
  'https://auth.openai.com',
  'https://platform.openai.com',
]);

/** The hosts above as `webRequest` URL patterns (HTTPS only: OpenAI serves nothing else). */
export const FIELD_URL_PATTERNS = Object.keys(PRODUCT_BY_HOST).map((host) => `https://${host}/*`);

/**
 * Errors caused on the user's side: a navigation away or a cancelled fetch, an ad blocker or
 * policy, being offline or changing networks. They say nothing about the service.
 */
const USER_SIDE_ERRORS = new Set([
  'net::ERR_ABORTED',
  'net::ERR_INTERNET_DISCONNECTED',
  'net::ERR_NETWORK_CHANGED',
  'net::ERR_NETWORK_IO_SUSPENDED',
  'net::ERR_NETWORK_ACCESS_DENIED',
  'net::ERR_ACCESS_DENIED',
  'net::ERR_CACHE_MISS',
  'net::ERR_PROXY_CONNECTION_FAILED',
  'NS_BINDING_ABORTED',
  'NS_ERROR_ABORT',
  'NS_ERROR_OFFLINE',
  'NS_ERROR_BLOCKED_BY_POLICY',
  'NS_ERROR_CONTENT_BLOCKED',
]);
// ERR_BLOCKED_BY_CLIENT / _ADMINISTRATOR / _CSP / _ORB...; Firefox's tracking protection.
const USER_SIDE_ERROR_PATTERN = /^net::ERR_BLOCKED_BY_|^NS_ERROR_[A-Z]+_URI$/;
// An error name is a constant; anything else is replaced so no text from the request leaks.
const ERROR_NAME = /^(net::)?[A-Z][A-Z0-9_]{0,63}$/;

/** A request the user's use of an OpenAI app made: which product, what kind of call, when. */
export type UserRequest = Pick<FieldEvent, 'at' | 'productId' | 'pathClass'>;

/**
 * Whether a `webRequest` event (of any stage) is one the user's use of an OpenAI app made, and
 * of what kind; null when it is not (another site's, ours, a preflight, an asset). Pure.
 */
export function userRequest(details: FieldRequestDetails): UserRequest | null {
  if (
    details.type !== undefined &&
    !(FIELD_REQUEST_TYPES as readonly string[]).includes(details.type)
  ) {
    return null;
  }
  // Preflights are the browser's, and our own probes must not count as the user's requests.
  if (details.method === 'OPTIONS' || details.fromCache || startedByExtension(details)) return null;
  let url: URL;
  try {
    url = new URL(details.url);
  } catch {
    return null;
  }
  const productId = url.protocol === 'https:' ? PRODUCT_BY_HOST[url.hostname] : undefined;
  if (!productId || !madeByTheUser(details, productId, url.pathname)) return null;
  return {
    at: Math.round(details.timeStamp),
    productId,
    pathClass: classifyPath(productId, url.pathname, details.type),
  };
}

/** Reduces a `webRequest` event to a FieldEvent, or null when it says nothing. Pure. */
export function classifyRequest(details: FieldRequestDetails): FieldEvent | null {
  const request = userRequest(details);
  if (!request) return null;
  const { at, productId, pathClass } = request;
  if (details.error !== undefined) {
    const error = String(details.error);
    if (USER_SIDE_ERRORS.has(error) || USER_SIDE_ERROR_PATTERN.test(error)) return null;
    const name = ERROR_NAME.test(error) ? error : 'unknown_error';
    return { at, productId, pathClass, outcome: 'failed', error: name };
  }
  const status = details.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return null;
  }
  // 401 and 403 are about the user (signed out, or a device the bot scoring distrusts: it
  // then refuses every call), not an outage (../shared/chatgpt-wire.md §4). A 429 is the
  // user's own limit unless many kinds of call get it at once (the window weighs that).
  const outcome = status >= 500 ? 'failed' : status === 429 ? 'limited' : 'ok';
  return { at, productId, pathClass, outcome, status };
}

/**
 * Whether the user's own use of an OpenAI app made this request, as far as the browser says:
 *
 * - every requester the browser names must be one of OPENAI_PAGE_ORIGINS, exactly (scheme,
 *   host and default port): Chrome's `initiator`, Firefox's `originUrl` and `documentUrl`,
 *   and every frame above the document (Firefox's `frameAncestors`). `'null'`, http://, a
 *   port, a look-alike host or another site's page: not counted;
 * - an API call (`xmlhttprequest`) must name its requester: one that names none is not a page's;
 * - it must come from a top-level document (Chrome's `frameType`, where given): an OpenAI page
 *   framed by another site is not the user's ChatGPT tab;
 * - a page load (`main_frame`) may name no requester (a typed URL, a bookmark, a reload), but
 *   when it names one, that one must be an OpenAI page too: a navigation another site's script
 *   started does not count, even when the user clicked a link there. And it must be a page the
 *   user would open: not an API path, not the API host.
 */
function madeByTheUser(details: FieldRequestDetails, productId: FieldProductId, path: string) {
  const requesters = [details.initiator, details.originUrl, details.documentUrl].filter(
    (requester): requester is string => requester !== undefined,
  );
  if (!requesters.every(isOpenAiPage)) return false;
  if (!(details.frameAncestors ?? []).every((frame) => isOpenAiPage(frame.url))) return false;
  if (details.frameType !== undefined && details.frameType !== 'outermost_frame') return false;
  if (details.type === 'main_frame') return productId !== 'openai-api' && !API_PATH.test(path);
  return requesters.length > 0;
}

/**
 * The send and the calls before it (../shared/chatgpt-wire.md §1a): since mid-2025
 * `/f/conversation` (before it, `/conversation`), after the sentinel's `chat-requirements`
 * (in 2026 `/prepare` then `/finalize`) and the conversation's `/prepare`; the same under
 * `/backend-anon/` for a signed-out user.
 */
const SEND_PATH = /^\/backend-(api|anon)(\/f)?\/conversation$/;
const STEP_PATH =
  /^\/backend-(api|anon)\/(sentinel\/chat-requirements(\/(prepare|finalize))?|f\/conversation\/prepare)$/;

/** Paths of OpenAI's APIs (and not pages): the app's backend, its auth API, the public API. */
const API_PATH = /^\/(backend-api|backend-anon|backend|api|public-api|v1)(\/|$)/;

function isOpenAiPage(requester: string): boolean {
  let origin: string;
  try {
    origin = new URL(requester).origin;
  } catch {
    return false; // 'null' (an opaque origin), or not a URL at all
  }
  // The URL parser drops a default port (":443"); any other port stays in the origin.
  return OPENAI_PAGE_ORIGINS.has(origin);
}

function startedByExtension(details: FieldRequestDetails): boolean {
  const origin = details.initiator ?? details.originUrl ?? '';
  return /^(chrome|moz|safari-web)-extension:/.test(origin);
}

function classifyPath(
  productId: FieldProductId,
  path: string,
  type: string | undefined,
): FieldEvent['pathClass'] {
  if (type === 'main_frame') return 'page';
  if (productId === 'openai-login') return 'auth';
  if (productId === 'openai-api') return 'api';
  if (SEND_PATH.test(path)) return 'send';
  if (STEP_PATH.test(path)) return 'step';
  if (/^\/backend-(api|anon)(\/f)?\/conversation(\/|$)/.test(path)) return 'conversation';
  if (/^\/api\/auth(\/|$)/.test(path)) return 'auth';
  if (/^\/(backend-api|backend-anon|backend)(\/|$)/.test(path)) return 'api';
  return 'other';
}
