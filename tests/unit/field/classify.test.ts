import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyRequest,
  FIELD_URL_PATTERNS,
  type FieldEvent,
  type FieldRequestDetails,
} from '@/utils/field/classify';

const AT = Date.parse('2025-06-10T14:00:00.000Z');
const CONVERSATION_ID = '68481f2e-3a6c-8009-b0e4-3c3f7d2e9a41';

/** The OpenAI page that calls `url` in real use: the site itself, or the platform for the API. */
function ownPage(url: string): string {
  try {
    const { origin } = new URL(url);
    return origin === 'https://api.openai.com' ? 'https://platform.openai.com' : origin;
  } catch {
    return 'https://chatgpt.com';
  }
}

const xhr = (url: string, statusCode: number): FieldRequestDetails => ({
  url,
  type: 'xmlhttprequest',
  statusCode,
  timeStamp: AT + 0.4,
  method: 'POST',
  initiator: ownPage(url),
});
const page = (url: string, statusCode: number): FieldRequestDetails => ({
  url,
  type: 'main_frame',
  statusCode,
  timeStamp: AT,
  method: 'GET',
});
const failed = (url: string, error: string, type = 'xmlhttprequest'): FieldRequestDetails => ({
  url,
  type,
  error,
  timeStamp: AT,
  ...(type === 'main_frame' ? {} : { initiator: ownPage(url) }),
});

describe('classifyRequest', () => {
  it.each<[string, FieldRequestDetails, Omit<FieldEvent, 'at'>]>([
    [
      'a ChatGPT answer',
      xhr('https://chatgpt.com/backend-api/f/conversation', 200),
      { productId: 'chatgpt', pathClass: 'send', outcome: 'ok', status: 200 },
    ],
    [
      'a ChatGPT answer failing',
      xhr('https://chatgpt.com/backend-api/conversation', 503),
      { productId: 'chatgpt', pathClass: 'send', outcome: 'failed', status: 503 },
    ],
    [
      'the sentinel before a send (2026: prepare, finalize)',
      xhr('https://chatgpt.com/backend-api/sentinel/chat-requirements/finalize', 500),
      { productId: 'chatgpt', pathClass: 'step', outcome: 'failed', status: 500 },
    ],
    [
      "the conversation's prepare, before a send and while typing",
      xhr('https://chatgpt.com/backend-anon/f/conversation/prepare', 200),
      { productId: 'chatgpt', pathClass: 'step', outcome: 'ok', status: 200 },
    ],
    [
      'resuming a stream is no new send',
      xhr('https://chatgpt.com/backend-api/f/conversation/resume', 200),
      { productId: 'chatgpt', pathClass: 'conversation', outcome: 'ok', status: 200 },
    ],
    [
      'a conversation loaded by id',
      xhr(`https://chatgpt.com/backend-api/conversation/${CONVERSATION_ID}`, 404),
      { productId: 'chatgpt', pathClass: 'conversation', outcome: 'ok', status: 404 },
    ],
    [
      'a signed-out answer',
      xhr('https://chatgpt.com/backend-anon/f/conversation', 502),
      { productId: 'chatgpt', pathClass: 'send', outcome: 'failed', status: 502 },
    ],
    [
      'the old host',
      xhr('https://chat.openai.com/backend-api/conversation', 200),
      { productId: 'chatgpt', pathClass: 'send', outcome: 'ok', status: 200 },
    ],
    [
      'the conversation list, with a query',
      xhr('https://chatgpt.com/backend-api/conversations?offset=0&limit=28&order=updated', 500),
      { productId: 'chatgpt', pathClass: 'api', outcome: 'failed', status: 500 },
    ],
    [
      'rate-limited: weighed apart (one user, or a flood)',
      xhr('https://chatgpt.com/backend-api/sentinel/chat-requirements', 429),
      { productId: 'chatgpt', pathClass: 'step', outcome: 'limited', status: 429 },
    ],
    [
      'signed out: about the user',
      xhr('https://chatgpt.com/backend-api/me', 401),
      { productId: 'chatgpt', pathClass: 'api', outcome: 'ok', status: 401 },
    ],
    [
      'the session',
      xhr('https://chatgpt.com/api/auth/session', 403),
      { productId: 'chatgpt', pathClass: 'auth', outcome: 'ok', status: 403 },
    ],
    [
      'a conversation page',
      page(`https://chatgpt.com/c/${CONVERSATION_ID}?model=gpt-4o`, 520),
      { productId: 'chatgpt', pathClass: 'page', outcome: 'failed', status: 520 },
    ],
    [
      'a custom GPT page',
      page(`https://chatgpt.com/g/g-abc123-travel-helper/c/${CONVERSATION_ID}`, 200),
      { productId: 'chatgpt', pathClass: 'page', outcome: 'ok', status: 200 },
    ],
    [
      'telemetry',
      xhr('https://chatgpt.com/ces/v1/t', 204),
      { productId: 'chatgpt', pathClass: 'other', outcome: 'ok', status: 204 },
    ],
    [
      'Sora',
      xhr('https://sora.chatgpt.com/backend/nf/create', 500),
      { productId: 'sora', pathClass: 'api', outcome: 'failed', status: 500 },
    ],
    [
      'Sora on its own domain',
      page('https://sora.com/explore?query=cats', 302),
      { productId: 'sora', pathClass: 'page', outcome: 'ok', status: 302 },
    ],
    [
      'the login page',
      page('https://auth.openai.com/log-in?state=abc&login_hint=me%40example.com', 503),
      { productId: 'openai-login', pathClass: 'page', outcome: 'failed', status: 503 },
    ],
    [
      'a login step',
      xhr('https://auth.openai.com/api/accounts/authorize/continue', 500),
      { productId: 'openai-login', pathClass: 'auth', outcome: 'failed', status: 500 },
    ],
    [
      'the API from a page',
      xhr('https://api.openai.com/v1/chat/completions', 401),
      { productId: 'openai-api', pathClass: 'api', outcome: 'ok', status: 401 },
    ],
    ...(
      [
        'net::ERR_FAILED',
        'net::ERR_TIMED_OUT',
        'net::ERR_CONNECTION_RESET',
        'net::ERR_CONNECTION_REFUSED',
        'net::ERR_EMPTY_RESPONSE',
        'net::ERR_HTTP2_PROTOCOL_ERROR',
        'net::ERR_SSL_PROTOCOL_ERROR',
        'NS_ERROR_NET_TIMEOUT',
        'NS_ERROR_NET_RESET',
        'NS_ERROR_CONNECTION_REFUSED',
      ] as const
    ).map((error): [string, FieldRequestDetails, Omit<FieldEvent, 'at'>] => [
      error,
      failed('https://chatgpt.com/backend-api/f/conversation', error),
      { productId: 'chatgpt', pathClass: 'send', outcome: 'failed', error },
    ]),
    [
      'an error that is not a name',
      failed('https://chatgpt.com/backend-api/me', 'failed for https://chatgpt.com/c/x?y'),
      { productId: 'chatgpt', pathClass: 'api', outcome: 'failed', error: 'unknown_error' },
    ],
  ])('%s', (_name, details, expected) => {
    const event = classifyRequest(details);
    expect(event).toEqual({ at: Math.round(details.timeStamp), ...expected });
    const json = JSON.stringify(event);
    expect(json).not.toContain(CONVERSATION_ID);
    expect(json).not.toContain('?');
    expect(json).not.toContain('/');
  });

  it.each<[string, FieldRequestDetails]>([
    ['the favicon', { ...failed('https://chatgpt.com/favicon.ico', 'net::ERR_FAILED', 'image') }],
    [
      'an image',
      { ...xhr('https://chatgpt.com/backend-api/estuary/content?id=1', 500), type: 'image' },
    ],
    ['a script', { ...xhr('https://chatgpt.com/cdn/assets/app.js', 503), type: 'script' }],
    ['a stylesheet', { ...xhr('https://chatgpt.com/cdn/assets/app.css', 503), type: 'stylesheet' }],
    ['a font', { ...xhr('https://chatgpt.com/fonts/a.woff2', 503), type: 'font' }],
    ['a beacon', { ...xhr('https://chatgpt.com/ces/v1/t', 503), type: 'ping' }],
    ['a websocket', { ...xhr('wss://chatgpt.com/backend-api/ws', 503), type: 'websocket' }],
    [
      'navigated away',
      failed('https://chatgpt.com/backend-api/f/conversation', 'net::ERR_ABORTED'),
    ],
    ['an ad blocker', failed('https://chatgpt.com/ces/v1/t', 'net::ERR_BLOCKED_BY_CLIENT')],
    ['offline', failed('https://chatgpt.com/', 'net::ERR_INTERNET_DISCONNECTED', 'main_frame')],
    ['network changed', failed('https://chatgpt.com/backend-api/me', 'net::ERR_NETWORK_CHANGED')],
    [
      'laptop asleep',
      failed('https://chatgpt.com/backend-api/me', 'net::ERR_NETWORK_IO_SUSPENDED'),
    ],
    ['Firefox: navigated away', failed('https://chatgpt.com/backend-api/me', 'NS_BINDING_ABORTED')],
    ['Firefox: cancelled', failed('https://chatgpt.com/backend-api/me', 'NS_ERROR_ABORT')],
    [
      'Firefox: tracking protection',
      failed('https://chatgpt.com/ces/v1/t', 'NS_ERROR_TRACKING_URI'),
    ],
    ['another host', xhr('https://cdn.oaistatic.com/assets/app.js', 503)],
    ['a look-alike host', xhr('https://chatgpt.com.example.net/backend-api/conversation', 503)],
    ['plain http', xhr('http://chatgpt.com/backend-api/conversation', 503)],
    ['not a URL', xhr('not a url', 503)],
    ['a preflight', { ...xhr('https://api.openai.com/v1/models', 503), method: 'OPTIONS' }],
    ['from the cache', { ...xhr('https://chatgpt.com/backend-api/me', 503), fromCache: true }],
    [
      "our own probe (Chrome's initiator)",
      { ...xhr('https://chatgpt.com/backend-api/me', 503), initiator: 'chrome-extension://abcdef' },
    ],
    [
      "our own probe (Firefox's originUrl)",
      {
        ...xhr('https://api.openai.com/v1/models', 503),
        originUrl: 'moz-extension://1234/_generated_background_page.html',
      },
    ],
    ['no status and no error', { url: 'https://chatgpt.com/', type: 'main_frame', timeStamp: AT }],
  ])('ignores %s', (_name, details) => {
    expect(classifyRequest(details)).toBeNull();
  });

  it('keeps a page-initiated request from the site itself', () => {
    const details = {
      ...xhr('https://chatgpt.com/backend-api/me', 503),
      initiator: 'https://chatgpt.com',
    };
    expect(classifyRequest(details)?.outcome).toBe('failed');
  });

  it('has one https pattern per watched host', () => {
    expect(FIELD_URL_PATTERNS).toEqual([
      'https://chatgpt.com/*',
      'https://chat.openai.com/*',
      'https://sora.chatgpt.com/*',
      'https://sora.com/*',
      'https://auth.openai.com/*',
      'https://api.openai.com/*',
    ]);
  });
});

describe("classifyRequest: the user's own requests only", () => {
  const BACKEND = 'https://chatgpt.com/backend-api/conversation';
  const ATTACK_PAGE = 'https://www.google.com/appsstatus/dashboard/attack.html';
  const call = (extra: Partial<FieldRequestDetails>, url = BACKEND): FieldRequestDetails => ({
    url,
    type: 'xmlhttprequest',
    method: 'POST',
    statusCode: 503,
    timeStamp: AT,
    ...extra,
  });
  const open = (url: string, extra: Partial<FieldRequestDetails> = {}): FieldRequestDetails => ({
    url,
    type: 'main_frame',
    method: 'GET',
    statusCode: 503,
    timeStamp: AT,
    ...extra,
  });

  it.each<[string, FieldRequestDetails]>([
    ['ChatGPT calling its backend (Chrome)', call({ initiator: 'https://chatgpt.com' })],
    [
      'the old host calling the new one',
      call({ initiator: 'https://chat.openai.com', frameType: 'outermost_frame' }),
    ],
    [
      'the platform calling the API',
      call({ initiator: 'https://platform.openai.com' }, 'https://api.openai.com/v1/models'),
    ],
    [
      'the login page calling its API',
      call({ initiator: 'https://auth.openai.com' }, 'https://auth.openai.com/api/accounts/x'),
    ],
    [
      'Sora on its own domain',
      call({ initiator: 'https://sora.com' }, 'https://sora.com/backend/x'),
    ],
    ['Sora on chatgpt.com', call({ initiator: 'https://sora.chatgpt.com' })],
    ['the default port written out', call({ initiator: 'https://chatgpt.com:443' })],
    [
      'ChatGPT calling its backend (Firefox)',
      call({ originUrl: 'https://chatgpt.com/c/abc', documentUrl: 'https://chatgpt.com/c/abc' }),
    ],
    ['Firefox naming the document only', call({ documentUrl: 'https://chatgpt.com/' })],
    [
      'Firefox, a top-level document',
      call({
        originUrl: 'https://chatgpt.com/',
        documentUrl: 'https://chatgpt.com/',
        frameAncestors: [],
      }),
    ],
    ['a typed URL or a bookmark', open('https://chatgpt.com/c/abc')],
    [
      'a link inside ChatGPT',
      open('https://chatgpt.com/g/g-1', { initiator: 'https://chatgpt.com' }),
    ],
    [
      'ChatGPT sending the user to log in',
      open('https://auth.openai.com/log-in', { initiator: 'https://chatgpt.com' }),
    ],
    [
      'a link inside ChatGPT (Firefox)',
      open('https://chatgpt.com/c/abc', { originUrl: 'https://chatgpt.com/' }),
    ],
  ])('counts %s', (_name, details) => {
    expect(classifyRequest(details)?.outcome).toBe('failed');
  });

  it.each<[string, FieldRequestDetails]>([
    ['another site calling ChatGPT', call({ initiator: 'https://www.google.com' })],
    ['a call that names no page', call({})],
    ['an opaque origin (sandboxed frame, data: URL)', call({ initiator: 'null' })],
    ['another port', call({ initiator: 'https://chatgpt.com:8443' })],
    ['plain http', call({ initiator: 'http://chatgpt.com' })],
    ['a look-alike host (suffix)', call({ initiator: 'https://chatgpt.com.evil.example' })],
    ['a look-alike host (prefix)', call({ initiator: 'https://evilchatgpt.com' })],
    ['another subdomain', call({ initiator: 'https://files.chatgpt.com' })],
    ['not an origin', call({ initiator: 'chatgpt.com' })],
    [
      'the API called by another site',
      call({ initiator: 'https://www.google.com' }, 'https://api.openai.com/v1/models'),
    ],
    [
      'the API called by itself',
      call({ initiator: 'https://api.openai.com' }, 'https://api.openai.com/v1/models'),
    ],
    ['the API called by no page', call({}, 'https://api.openai.com/v1/models')],
    [
      'an OpenAI page framed by another site (Chrome)',
      call({ initiator: 'https://chatgpt.com', frameType: 'sub_frame' }),
    ],
    ['a fenced frame', call({ initiator: 'https://chatgpt.com', frameType: 'fenced_frame' })],
    [
      'another site calling ChatGPT (Firefox)',
      call({ originUrl: ATTACK_PAGE, documentUrl: ATTACK_PAGE }),
    ],
    [
      "Firefox: an OpenAI trigger in another site's document",
      call({ originUrl: 'https://chatgpt.com/', documentUrl: ATTACK_PAGE }),
    ],
    [
      'an OpenAI page framed by another site (Firefox)',
      call({
        originUrl: 'https://chatgpt.com/',
        documentUrl: 'https://chatgpt.com/',
        frameAncestors: [{ url: ATTACK_PAGE }],
      }),
    ],
    ['Firefox: a call that names no page', call({ originUrl: undefined, documentUrl: undefined })],
    [
      "another site's script opening ChatGPT",
      open('https://chatgpt.com/', { initiator: 'https://www.google.com' }),
    ],
    ['an opaque origin opening ChatGPT', open('https://chatgpt.com/', { initiator: 'null' })],
    [
      'another site opening ChatGPT (Firefox)',
      open('https://chatgpt.com/', { originUrl: ATTACK_PAGE }),
    ],
    ['opening the backend as a page', open(BACKEND)],
    ['opening the backend from ChatGPT', open(BACKEND, { initiator: 'https://chatgpt.com' })],
    ['opening the anonymous backend', open('https://chatgpt.com/backend-anon/me')],
    ['opening the session API', open('https://chatgpt.com/api/auth/session')],
    ['opening the API host', open('https://api.openai.com/v1/models')],
  ])('ignores %s', (_name, details) => {
    expect(classifyRequest(details)).toBeNull();
  });
});

describe('classifyRequest, any request', () => {
  const hosts = [
    'chatgpt.com',
    'chat.openai.com',
    'sora.chatgpt.com',
    'sora.com',
    'auth.openai.com',
    'api.openai.com',
    'example.com',
  ];
  const ALLOWED_KEYS = ['at', 'productId', 'pathClass', 'outcome', 'status', 'error'];

  it('never throws and never keeps the path or the query', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...hosts),
        fc.array(fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/), { maxLength: 4 }),
        fc.stringMatching(/^zq[0-9a-f]{10}$/),
        fc.stringMatching(/^zk[0-9a-f]{10}$/),
        fc.constantFrom(undefined, 'main_frame', 'xmlhttprequest', 'image', 'other'),
        fc.option(fc.integer({ min: -10, max: 1000 }), { nil: undefined }),
        fc.option(fc.oneof(fc.string(), fc.constantFrom('net::ERR_FAILED', 'NS_ERROR_NET_RESET')), {
          nil: undefined,
        }),
        (host, segments, pathSecret, querySecret, type, statusCode, error) => {
          const url = `https://${host}/${[...segments, pathSecret].join('/')}?q=${querySecret}#${querySecret}`;
          const initiator = 'https://chatgpt.com';
          const event = classifyRequest({ url, type, statusCode, error, timeStamp: AT, initiator });
          if (!event) return;
          const json = JSON.stringify(event);
          expect(json).not.toContain(pathSecret);
          expect(json).not.toContain(querySecret);
          expect(json).not.toContain('?');
          expect(Object.keys(event).every((key) => ALLOWED_KEYS.includes(key))).toBe(true);
          if (event.error !== undefined) {
            expect(event.error).toMatch(/^((net::)?[A-Z][A-Z0-9_]*|unknown_error)$/);
          }
        },
      ),
    );
  });

  it('never throws on any string or URL', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true })), (url) => {
        const event = classifyRequest({
          url,
          type: 'xmlhttprequest',
          statusCode: 503,
          timeStamp: AT,
          initiator: 'https://chatgpt.com',
        });
        expect(JSON.stringify(event ?? {})).not.toContain('?');
      }),
    );
  });
});
