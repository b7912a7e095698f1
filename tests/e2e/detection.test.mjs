import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  bannerCount,
  launch,
  ROOT,
  stateOf,
  waitForBanner,
  waitUntil,
  sendFromChatGpt,
} from './harness.mjs';

const SHOTS = join(ROOT, 'test-results');

/** Every product of the catalog, in the popup's order. */
const CATALOG = [
  'ChatGPT',
  'Sora',
  'OpenAI API',
  'Codex',
  'OpenAI Login',
  'Claude',
  'Claude API',
  'Claude Code',
  'Gemini',
  'Gemini API',
  'GitHub Copilot',
  'Microsoft Copilot',
  'Le Chat',
  'Perplexity',
  'DeepSeek',
  'Grok',
  'Groq',
  'Cohere',
  'Hugging Face',
];

/** The outage records the worker keeps in IndexedDB, read in the worker itself. */
const readDetections = () =>
  new Promise((resolve, reject) => {
    const open = globalThis.indexedDB.open('ai-outage-radar-detections');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result
        .transaction('detections', 'readonly')
        .objectStore('detections')
        .getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    };
  });

describe('every service, every source, and the radar seeing trouble first', () => {
  let radar;
  let chatgpt;
  let popup;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    radar = await launch();
  });
  after(() => radar?.close());

  it('lists every catalog service with its verdict from its own source', async () => {
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => s?.services.every((service) => service.state === 'operational'),
      { what: 'every service operational', timeout: 15_000 },
    );
    assert.deepEqual(
      snapshot.services.map((service) => service.name),
      CATALOG,
    );
    // Each provider's status page was read at its real URL, and each probe target knocked on.
    const hosts = new Set(radar.state.requests.map((request) => new URL(request.url).host));
    for (const host of [
      'status.openai.com',
      'status.claude.com',
      'www.google.com',
      'status.cloud.google.com',
      'www.githubstatus.com',
      'status.perplexity.com',
      'status.x.ai',
      'groqstatus.com',
      'status.cohere.com',
      'status.huggingface.co',
      'api.mistral.ai',
      'copilot.microsoft.com',
      'api.deepseek.com',
    ]) {
      assert.ok(hosts.has(host), `${host} was read`);
    }

    popup = await radar.openPopup();
    await popup.getByText('All your AI tools work').waitFor();
    const names = await popup.locator('.service__name').allInnerTexts();
    assert.deepEqual(names, CATALOG);
    // A service no status page covers still says why the radar thinks it works, one click
    // away: a healthy service is one line until opened.
    const leChat = popup.locator('.service', {
      has: popup.locator('.service__name', { hasText: /^Le Chat$/ }),
    });
    await leChat.locator('.service__head').click();
    assert.match(await leChat.innerText(), /api\.mistral\.ai answers our check in \d+ ms/);
    await popup.screenshot({ path: join(SHOTS, 'popup-catalog.png'), fullPage: true });
  });

  it("sees ChatGPT fail in the user's own requests before the official page does", async () => {
    chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await chatgpt.locator('#prompt-textarea').waitFor();
    radar.state.chatgptApi = 503;
    await sendFromChatGpt(chatgpt, 2);
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => stateOf(s, 'chatgpt') === 'partial_outage',
      { what: 'the field signal', timeout: 5_000 },
    );
    const service = snapshot.services.find((s) => s.id === 'chatgpt');
    assert.equal(service.officialState, 'operational');
    assert.equal(service.reasons[0].key, 'reason_fieldFailing');
    assert.ok(service.reasons.some((reason) => reason.key === 'reason_officialLagging'));
    assert.notEqual(service.detection.radarAt, null);
    assert.equal(service.detection.officialAt, null);

    // The banner reaches the user in the tab that failed them.
    // (Its shadow root is closed: the harness reads it over CDP.)
    assert.match(
      await waitForBanner(chatgpt, { timeout: 5_000 }),
      /2 of your requests to ChatGPT in the last 5 minutes failed/,
    );
    await chatgpt.screenshot({ path: join(SHOTS, 'banner-field.png') });
    await popup.getByText(/^ChatGPT: /).waitFor();
    await popup.screenshot({ path: join(SHOTS, 'popup-field.png'), fullPage: true });
  });

  it('records the detection lead when the official page catches up', async () => {
    // Time passes between the user's failures and the page's word.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    radar.state.openai = 'outage';
    // Trouble pulls the page's next read to two minutes after the last; "Check now" stands in
    // for those minutes here.
    await popup.getByRole('button', { name: 'Check now' }).click();
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) =>
        s?.services.find((service) => service.id === 'chatgpt')?.officialState === 'major_outage',
      { what: 'the official page to flip', timeout: 10_000 },
    );
    const { detection, state } = snapshot.services.find((s) => s.id === 'chatgpt');
    assert.equal(state, 'major_outage');
    assert.ok(detection.officialAt - detection.radarAt >= 1_500, JSON.stringify(detection));

    const records = await waitUntil(
      () => radar.evaluate(readDetections),
      (all) => all.some((record) => record.serviceId === 'chatgpt' && record.leadMs !== null),
      { what: 'the detection record' },
    );
    const record = records.find((r) => r.serviceId === 'chatgpt');
    assert.equal(record.radarAt, detection.radarAt);
    assert.equal(record.officialAt, detection.officialAt);
    assert.equal(record.leadMs, detection.officialAt - detection.radarAt);
  });

  it('turns a probe that keeps failing into trouble for a service with no status page', async () => {
    radar.state.probes['https://api.mistral.ai'] = 'down';
    // Two failures in a row make a target failing: one blip is not an outage.
    for (let round = 0; round < 2; round++) {
      await popup.getByRole('button', { name: 'Check now' }).click();
      await popup.getByRole('button', { name: 'Check now' }).waitFor();
    }
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => stateOf(s, 'le-chat') === 'partial_outage',
      { what: 'the probe signal' },
    );
    const leChat = snapshot.services.find((s) => s.id === 'le-chat');
    assert.equal(leChat.reasons[0].key, 'reason_probeFailing');
    // Le Chat is no longer offered as a way out while it fails.
    await waitForBanner(chatgpt);
    assert.equal(await bannerCount(chatgpt, '[data-alternative="le-chat"]'), 0);
  });
});
