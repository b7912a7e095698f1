import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshBrowser } from '../../helpers/fresh-browser';
import { watchOnly } from '../../helpers/watch';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRadar } from '@/utils/check/run-check';
import { notificationsFor, showNotification } from '@/utils/notify/notifications';
import { registerNotificationActions } from '@/utils/notify/background';
import { rememberButtons } from '@/utils/notify/buttons';
import { inQuietHours } from '@/utils/settings/quiet-hours';
import { notificationButtons, notificationLog } from '@/utils/notify/store';
import { fixtureFetch, type OpenAiScenario } from '../../helpers/fixtures';
import { serviceHealth } from '../../helpers/health';
import { installMessages } from '../../helpers/messages';

const NOW = Date.parse('2026-09-29T18:00:00.000Z');

describe('clicking a notification', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installMessages('en');
  });

  async function shown() {
    const chatgpt = serviceHealth({ state: 'major_outage', troubleSince: NOW });
    const claude = serviceHealth({ id: 'claude', name: 'Claude', state: 'operational' });
    const [notification] = notificationsFor(
      [{ kind: 'trouble', service: chatgpt, since: NOW }],
      NOW,
      [chatgpt, claude],
    );
    await rememberButtons(notification!);
    await showNotification(notification!);
    return notification!.id;
  }

  it('opens the alternative or the status page from its buttons, after the worker restarted', async () => {
    const id = await shown();
    // A new worker: nothing in memory, only the listeners of its main and what is stored.
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerNotificationActions();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'https://claude.ai/new' }));
    expect(await notificationButtons.getValue()).toEqual({});
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    const again = await shown();
    await fakeBrowser.notifications.onButtonClicked.trigger(again, 1);
    await vi.waitFor(() =>
      expect(create).toHaveBeenLastCalledWith({ url: 'https://status.openai.com' }),
    );
  });

  it('opens the status page when the notification itself is clicked', async () => {
    const id = await shown();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerNotificationActions();
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({ url: 'https://status.openai.com' }),
    );
  });

  it('opens only catalog alternatives, whatever storage says', async () => {
    const id = await shown();
    await notificationButtons.setValue({ [id]: [{ alternative: 'https://evil.example' }] });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerNotificationActions();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(async () => expect(await fakeBrowser.notifications.getAll()).toEqual({}));
    expect(create).not.toHaveBeenCalled();
  });
});

describe('quiet hours and mutes, through a real check', () => {
  let scenario: OpenAiScenario = 'healthy';
  let clock = NOW;
  const check = () =>
    createRadar({
      fetch: fixtureFetch(() => scenario),
      now: () => clock,
    }).check(true);
  const step = (next: OpenAiScenario) => {
    scenario = next;
    clock += 60_000;
    return check();
  };

  beforeEach(async () => {
    freshBrowser();
    await watchOnly(['openai']);
    scenario = 'healthy';
    clock = NOW;
  });
  afterEach(() => vi.restoreAllMocks());

  it('spans midnight: 23:30 and 06:59 are quiet, 07:00 is not', () => {
    const quiet = { enabled: true, from: '22:00', to: '07:00' };
    expect(inQuietHours(quiet, new Date(2026, 10, 25, 23, 30))).toBe(true);
    expect(inQuietHours(quiet, new Date(2026, 10, 26, 6, 59))).toBe(true);
    expect(inQuietHours(quiet, new Date(2026, 10, 26, 7, 0))).toBe(false);
    expect(inQuietHours(quiet, new Date(2026, 10, 25, 21, 59))).toBe(false);
  });

  it('holds an outage in the quiet hours, and tells it once they end', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    // Quiet hours around the test clock's local time, spanning midnight when it is night.
    const hhmm = (time: number) => {
      const date = new Date(time);
      return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    };
    const quietHours = {
      enabled: true,
      from: hhmm(NOW - 60 * 60_000),
      to: hhmm(NOW + 30 * 60_000),
    };
    await watchOnly(['openai'], { quietHours });
    await check();
    await step('outage');
    await step('outage');
    expect(create).not.toHaveBeenCalled();
    expect((await notificationLog.getValue()).chatgpt?.quiet?.since).toBeLessThanOrEqual(clock);
    clock = NOW + 31 * 60_000;
    await step('outage');
    expect(create).toHaveBeenCalledTimes(1);
    const [, options] = create.mock.calls[0] as unknown as [string, { title: string }];
    expect(options.title).toMatch(/^Problems: ChatGPT and OpenAI Login$/);
    await step('outage');
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('never notifies about a muted service, but still about the others', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await watchOnly(['openai'], { mutedServices: ['chatgpt'] });
    await check();
    await step('outage');
    expect(create).toHaveBeenCalledTimes(1);
    const [id, options] = create.mock.calls[0] as unknown as [string, { title: string }];
    expect(id).toMatch(/\|openai-login$/);
    expect(options.title).toBe('OpenAI Login: Partial outage');
    const snapshot = await step('healthy');
    expect(snapshot.services.find((s) => s.id === 'chatgpt')?.state).toBe('operational');
    expect(create).toHaveBeenCalledTimes(2);
    // From the official start (17:52:52, the incident's own) to the check that saw it end.
    expect((create.mock.calls[1]?.[1] as unknown as { title: string }).title).toBe(
      'OpenAI Login is back — down for 9 min',
    );
  });

  it('never notifies about a hidden service either', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await watchOnly(['openai'], { hiddenServices: ['chatgpt', 'openai-login'] });
    await check();
    await step('outage');
    await step('healthy');
    expect(create).not.toHaveBeenCalled();
  });
});
