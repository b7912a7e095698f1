import { IDBFactory } from 'fake-indexeddb';
import { entries } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runCheck } from '@/utils/check/run-check';
import { historyStore, pruneHistory, HISTORY_KEEP_MS, type CheckRecord } from '@/utils/history';
import { healthSnapshot } from '@/utils/storage';
import { fixtureFetch, type OpenAiScenario } from '../helpers/fixtures';
import { installMessages } from '../helpers/messages';
import { installScripting } from '../helpers/scripting';

const START = Date.parse('2025-06-10T13:50:00.000Z');

describe('runCheck', () => {
  let scenario: OpenAiScenario | Response = 'healthy';
  let clock = START;
  let scripting: ReturnType<typeof installScripting>;
  const check = () => runCheck({ fetch: fixtureFetch(() => scenario), now: () => clock });

  beforeEach(() => {
    fakeBrowser.reset();
    globalThis.indexedDB = new IDBFactory();
    installMessages('en');
    scripting = installScripting();
    scenario = 'healthy';
    clock = START;
  });

  async function step(next: OpenAiScenario | Response) {
    scenario = next;
    clock += 60_000;
    return check();
  }

  it('stores one snapshot per check, read back by every UI', async () => {
    const snapshot = await check();
    expect(await healthSnapshot.getValue()).toEqual(snapshot);
    expect(snapshot.services.map((s) => s.state)).toEqual([
      'operational',
      'operational',
      'operational',
      'operational',
    ]);
  });

  it('paints the badge with the worst state and names the products in trouble', async () => {
    await check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
    await step('outage');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('DOWN');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([217, 48, 37, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'AI Outage Radar: ChatGPT: Major outage, Sora: Degraded performance, and OpenAI Login: Partial outage',
    );
    await step('healthy');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
  });

  it('notifies once when trouble starts and once when it ends, however many checks between', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await check();
    await step('outage');
    await step('outage');
    await step(new Response('<html>Bad gateway</html>', { status: 502 }));
    await step('outage');
    expect(create).toHaveBeenCalledTimes(1);
    const [id, options] = create.mock.calls[0] as unknown as [
      string,
      { title: string; message: string; iconUrl: string },
    ];
    expect(id).toMatch(/^outage\|trouble\|\d+\|chatgpt\|sora\|openai-login$/);
    expect(options.title).toBe('Problems: ChatGPT, Sora, and OpenAI Login');
    expect(options.message).toContain(
      'ChatGPT: Major outage — Elevated error rates in ChatGPT and Sora',
    );
    expect(options.iconUrl).toMatch(/icon\/128\.png$/);
    await step('healthy');
    await step('healthy');
    expect(create).toHaveBeenCalledTimes(2);
    expect((create.mock.calls[1]?.[1] as unknown as { title: string }).title).toBe(
      'Back to normal: ChatGPT, Sora, and OpenAI Login',
    );
  });

  it('puts the banner on ChatGPT pages only while ChatGPT is in trouble', async () => {
    await check();
    expect(scripting.registered.size).toBe(0);
    await step('outage');
    expect(scripting.registered.has('outage-banner')).toBe(true);
    await step('healthy');
    expect(scripting.registered.size).toBe(0);
  });

  it('appends each check to the history and prunes old ones', async () => {
    await check();
    await step('outage');
    await step('healthy');
    const records = (await entries<number, CheckRecord>(historyStore())).map(
      ([, record]) => record,
    );
    expect(records.map((r) => r.states.chatgpt)).toEqual([
      'operational',
      'major_outage',
      'operational',
    ]);
    expect(await pruneHistory(START + HISTORY_KEEP_MS + 60_001)).toBe(2);
    expect(await entries(historyStore())).toHaveLength(1);
  });

  it('keeps working when the page sends HTML instead of status data', async () => {
    scenario = new Response('<!doctype html><title>Just a moment...</title>', { status: 200 });
    const snapshot = await check();
    expect(snapshot.services.every((s) => s.state === 'unknown')).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
  });

  it('falls back to the native incident.io feed when the compatibility API fails', async () => {
    const outage = fixtureFetch(() => 'outage');
    const compatBroken: typeof fetch = async (input) =>
      String(input).includes('/api/v2/') ? new Response('gone', { status: 404 }) : outage(input);
    const snapshot = await runCheck({ fetch: compatBroken, now: () => clock });
    expect(snapshot.services.find((s) => s.id === 'chatgpt')?.state).toBe('major_outage');
  });
});
