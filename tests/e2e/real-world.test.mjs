import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, ROOT, stateOf, waitForBanner, waitUntil, sendFromChatGpt } from './harness.mjs';

// status.openai.com as it answers in 2026 (tests/fixtures/openai/PROVENANCE.md): the
// Statuspage-compatible JSON is flat, and only the native feed knows which group a component
// sits in. These tests drive the built extension through what that means for users.
const SHOTS = join(ROOT, 'test-results');
const PROXY = 'https://status.openai.com/proxy/status.openai.com';

const rowOf = (popup, name) =>
  popup.locator('.service', {
    has: popup.locator('.service__name', { hasText: new RegExp(`^${name}$`) }),
  });

/** A service's row, opened: a service not in trouble is one line until the user opens it. */
async function openRow(popup, name) {
  const row = rowOf(popup, name);
  const head = row.locator('.service__head');
  if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
  return row;
}

/** Checks now from the popup and waits for the check to finish. */
async function checkNow(popup) {
  await popup.getByRole('button', { name: 'Check now' }).click();
  await popup.getByRole('button', { name: 'Check now' }).waitFor();
}

describe('status.openai.com in its real 2026 shape', () => {
  let radar;
  let popup;
  let chatgpt;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    radar = await launch();
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'operational', {
      what: 'ChatGPT operational',
    });
    popup = await radar.openPopup();
    chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await chatgpt.locator('#prompt-textarea').waitFor();
  });
  after(() => radar?.close());

  it('tells a Sora outage from a ChatGPT one: Sora is named, no banner on ChatGPT', async () => {
    radar.state.openai = 'sora-outage';
    await checkNow(popup);
    await popup.getByText(/^Sora: /).waitFor();
    const snapshot = await radar.snapshot();
    assert.equal(stateOf(snapshot, 'sora'), 'major_outage');
    assert.equal(stateOf(snapshot, 'chatgpt'), 'operational');
    assert.equal(stateOf(snapshot, 'openai-api'), 'operational');
    assert.match(await rowOf(popup, 'Sora').innerText(), /Sora unavailable/);
    const notifications = await waitUntil(radar.notifications, (all) => Object.keys(all).length, {
      what: 'the Sora notification',
    });
    assert.match(Object.keys(notifications)[0], /^outage\|trouble\|\d+\|sora$/);
    assert.equal((await radar.badge()).text, 'DOWN');
    await chatgpt.waitForTimeout(1500);
    assert.equal(await chatgpt.locator('ai-outage-radar-banner').count(), 0);
  });

  it('tells an API outage from a ChatGPT one', async () => {
    radar.state.openai = 'api-outage';
    await checkNow(popup);
    await popup.getByText(/^OpenAI API: /).waitFor();
    const snapshot = await radar.snapshot();
    assert.equal(stateOf(snapshot, 'openai-api'), 'partial_outage');
    assert.equal(stateOf(snapshot, 'chatgpt'), 'operational');
    assert.equal(stateOf(snapshot, 'sora'), 'operational');
    assert.match(
      await rowOf(popup, 'OpenAI API').innerText(),
      /Affected: Chat Completions and Responses/,
    );
    assert.equal(await chatgpt.locator('ai-outage-radar-banner').count(), 0);
  });

  it('reads a ChatGPT outage from the flat compat JSON, laid out by the groups it remembers', async () => {
    // The native feed now answers a bot challenge: only the flat JSON is left, whose
    // components carry no group. The layout the native feed gave earlier places them.
    radar.state.openai = 'outage';
    radar.state.challenged = [PROXY];
    await checkNow(popup);
    await popup.getByText('2 services in trouble: ChatGPT and OpenAI Login').waitFor();
    const snapshot = await radar.snapshot();
    assert.equal(stateOf(snapshot, 'chatgpt'), 'major_outage');
    assert.equal(stateOf(snapshot, 'openai-api'), 'operational');
    assert.ok(radar.state.requests.some((r) => r.url.endsWith('/api/v2/summary.json')));
    assert.match(await rowOf(popup, 'ChatGPT').innerText(), /Affected: Conversations and Login/);
    await waitForBanner(chatgpt, { timeout: 5_000 });
  });

  it('says so when ChatGPT is no longer on the page as we know it, and still sees trouble', async () => {
    radar.state.challenged = [];
    radar.state.openai = 'drift';
    await checkNow(popup);
    await waitUntil(
      radar.snapshot,
      (s) => s?.services.find((service) => service.id === 'chatgpt')?.officialState === 'unknown',
      { what: 'ChatGPT unknown to the official page' },
    );
    const row = await openRow(popup, 'ChatGPT');
    await row
      .getByText("ChatGPT is not on OpenAI's status page as we know it — judged by our own checks.")
      .waitFor();
    const chatgptNow = (await radar.snapshot()).services.find((s) => s.id === 'chatgpt');
    assert.equal(chatgptNow.officialState, 'unknown');
    await popup.screenshot({ path: join(SHOTS, 'popup-drift.png'), fullPage: true });

    // The radar's own signal still works: the user's own requests fail.
    radar.state.chatgptApi = 503;
    await sendFromChatGpt(chatgpt, 3);
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'partial_outage', {
      what: 'ChatGPT in trouble from the field signal',
    });
    await waitForBanner(chatgpt, { timeout: 5_000 });
  });
});

describe('status.openai.com in its real 2026 shape, in Italian', () => {
  let radar;
  before(async () => {
    radar = await launch({ locale: 'it-IT' });
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'operational', {
      what: 'ChatGPT operational',
    });
  });
  after(() => radar?.close());

  it('names the product in trouble and explains a layout it does not know', async () => {
    const popup = await radar.openPopup();
    radar.state.openai = 'sora-outage';
    await popup.getByRole('button', { name: 'Controlla ora' }).click();
    await popup.getByText(/^Sora: /).waitFor();
    radar.state.openai = 'drift';
    await popup.getByRole('button', { name: 'Controlla ora' }).click();
    await waitUntil(
      radar.snapshot,
      (s) => s?.services.find((service) => service.id === 'chatgpt')?.officialState === 'unknown',
      { what: 'ChatGPT unknown to the official page' },
    );
    await (
      await openRow(popup, 'ChatGPT')
    )
      .getByText(
        'ChatGPT non risulta sulla pagina di stato di OpenAI come la conosciamo: valutazione basata sui nostri controlli.',
      )
      .waitFor();
    await popup.screenshot({ path: join(SHOTS, 'popup-drift-it.png'), fullPage: true });
  });
});

describe("Claude's status page behind a challenge", () => {
  let radar;
  before(async () => {
    radar = await launch();
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'claude') === 'operational', {
      what: 'Claude operational',
    });
  });
  after(() => radar?.close());

  it("reads the same JSON from the page's own Statuspage host", async () => {
    // status.claude.com answers non-browser clients a challenge (reported from 2026-09-17).
    radar.state.challenged = [
      'https://status.claude.com/api/v2/components.json',
      'https://status.claude.com/api/v2/summary.json',
    ];
    radar.state.anthropic = 'outage';
    const popup = await radar.openPopup();
    await checkNow(popup);
    await popup.getByText(/^Claude: /).waitFor();
    const snapshot = await radar.snapshot();
    assert.equal(stateOf(snapshot, 'claude'), 'partial_outage');
    assert.equal(stateOf(snapshot, 'claude-api'), 'operational');
    assert.ok(
      radar.state.requests.some(
        (r) => r.url === 'https://anthropic.statuspage.io/api/v2/summary.json',
      ),
    );
  });
});
