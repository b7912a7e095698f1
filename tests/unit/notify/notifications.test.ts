import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ServiceHealth } from '@/utils/health/types';
import { buttonTargetsOf, notificationsFor, showNotification } from '@/utils/notify/notifications';
import type { Notice } from '@/utils/notify/pace';
import { bestAlternative } from '@/utils/alternatives/offer';
import { formatDuration } from '@/utils/core/i18n';
import { serviceHealth } from '../../helpers/health';
import { installMessages } from '../../helpers/messages';

// Local wall-clock times: the texts show the user's own clock.
const NOW = new Date(2026, 10, 25, 9, 30).getTime();
const AT_0214 = new Date(2026, 10, 25, 2, 14).getTime();
const MIN = 60_000;

const incident = (title: string) => ({
  id: 'x',
  title,
  impact: 'major_outage' as const,
  status: 'investigating',
  startedAt: null,
  url: null,
});
const chatgpt = serviceHealth({
  state: 'major_outage',
  troubleSince: NOW - 47 * MIN,
  incidents: [incident('Elevated errors on ChatGPT')],
});
const sora = serviceHealth({ id: 'sora', name: 'Sora', category: 'video', state: 'major_outage' });
const api = serviceHealth({
  id: 'openai-api',
  name: 'OpenAI API',
  category: 'api',
  state: 'major_outage',
  reasons: [{ key: 'reason_probeFailing' }],
});
const healthy = (id: string) => serviceHealth({ id, name: id, state: 'operational' });
const everyAlternativeHealthy = [
  'claude',
  'gemini',
  'le-chat',
  'microsoft-copilot',
  'perplexity',
  'deepseek',
  'grok',
  'claude-api',
  'gemini-api',
  'groq',
].map(healthy);

const notice = (kind: Notice['kind'], service: ServiceHealth, extra: Partial<Notice> = {}) =>
  ({ kind, service, since: NOW - 47 * MIN, ...extra }) as Notice;

describe('notification texts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installMessages('en');
  });

  it('start: the state in the title, the official incident in one line', () => {
    const [only] = notificationsFor([notice('trouble', chatgpt)], NOW);
    expect(only).toMatchObject({
      title: 'ChatGPT: Major outage',
      message: 'Elevated errors on ChatGPT',
    });
  });

  it("start without an incident: the radar's own evidence", () => {
    const [only] = notificationsFor([notice('trouble', api)], NOW);
    expect(only?.title).toBe('OpenAI API: Major outage');
    expect(only?.message).not.toBe('');
    expect(only?.message).not.toMatch(/^reason_/);
  });

  it('several services at one check: one notification, named together', () => {
    const all = notificationsFor(
      [notice('trouble', chatgpt), notice('trouble', sora), notice('trouble', api)],
      NOW,
    );
    expect(all).toHaveLength(1);
    expect(all[0]?.title).toBe('ChatGPT, Sora, and OpenAI API: Major outage');
    expect(all[0]?.id).toBe(`outage|trouble|${NOW}|chatgpt|sora|openai-api`);
    expect(all[0]?.message.split('\n')).toHaveLength(3);
  });

  it('mixed states together: "Problems" and a line each', () => {
    const partial = { ...sora, state: 'partial_outage' as const };
    const [only] = notificationsFor([notice('trouble', chatgpt), notice('trouble', partial)], NOW);
    expect(only?.title).toBe('Problems: ChatGPT and Sora');
    expect(only?.message).toBe(
      'ChatGPT: Major outage — Elevated errors on ChatGPT\nSora: Partial outage',
    );
  });

  it('lists the user’s own tools first', () => {
    const [only] = notificationsFor(
      [notice('trouble', chatgpt), notice('trouble', sora)],
      NOW,
      [],
      {
        myTools: ['sora'],
        preferredAlternatives: [],
      },
    );
    expect(only?.id).toBe(`outage|trouble|${NOW}|sora|chatgpt`);
  });

  it('worse and better name the new state', () => {
    const [worse] = notificationsFor([notice('worse', chatgpt)], NOW);
    expect(worse?.title).toBe('ChatGPT is getting worse: Major outage');
    expect(worse?.message.split('\n')[0]).toMatch(
      /^Problems since\u00a008:43\sAM, not over yet\.$/,
    );
    const degraded = { ...chatgpt, state: 'degraded' as const };
    const [better] = notificationsFor([notice('better', degraded)], NOW);
    expect(better?.title).toBe('ChatGPT is improving: Degraded performance');
    expect(better?.id).toMatch(/^outage\|change\|/);
  });

  it('end: back, and for how long it was down', () => {
    const [back] = notificationsFor([notice('recovered', healthy('chatgpt'))], NOW);
    expect(back?.title).toBe('chatgpt is back — down for 47 min');
    expect(back?.alternative).toBeNull();
    expect(buttonTargetsOf(back!)).toEqual([]);
    const long = notice(
      'recovered',
      { ...healthy('chatgpt'), name: 'ChatGPT' },
      {
        since: NOW - 125 * MIN,
      },
    );
    const both = notificationsFor([long, notice('recovered', sora)], NOW);
    expect(both[0]?.title).toBe('Back to normal: ChatGPT and Sora');
    expect(both[0]?.message).toBe('ChatGPT: down for 2 hr 5 min\nSora: down for 47 min');
  });

  it('late: a trouble held through the quiet hours says since when', () => {
    const [late] = notificationsFor(
      [notice('trouble', chatgpt, { late: true, since: AT_0214 })],
      NOW,
    );
    expect(late?.title).toMatch(/^ChatGPT: Major outage since\u00a002:14\sAM$/);
    const yesterday = AT_0214 - 24 * 60 * MIN;
    const [older] = notificationsFor(
      [notice('trouble', chatgpt, { late: true, since: yesterday })],
      NOW,
    );
    expect(older?.title).toMatch(/^ChatGPT: Major outage since\u00a0Nov\u00a024, 02:14\sAM$/);
  });

  it('reads native in Italian', () => {
    installMessages('it');
    const [start] = notificationsFor([notice('trouble', chatgpt), notice('trouble', sora)], NOW);
    expect(start?.title).toBe('ChatGPT e Sora: Interruzione grave');
    const [late] = notificationsFor(
      [notice('trouble', chatgpt, { late: true, since: AT_0214 })],
      NOW,
    );
    expect(late?.title).toBe('ChatGPT: Interruzione grave dalle\u00a002:14');
    const [worse] = notificationsFor([notice('worse', chatgpt)], NOW);
    expect(worse?.title).toBe('ChatGPT peggiora: Interruzione grave');
    expect(worse?.message.split('\n')[0]).toBe('Problemi dalle\u00a008:43, non ancora risolti.');
    const [back] = notificationsFor(
      [notice('recovered', { ...chatgpt, state: 'operational' })],
      NOW,
    );
    expect(back?.title).toBe('ChatGPT funziona di nuovo dopo 47 min di problemi');
    expect(back?.message).toBe('Non risultano più problemi.');
    expect(formatDuration(125 * MIN)).toBe('2 h 5 min');
  });
});

describe('the buttons', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installMessages('en');
  });

  it('open the best alternative of the same kind, the user’s preferred first', () => {
    expect(bestAlternative([chatgpt], everyAlternativeHealthy, [])?.id).toBe('claude');
    expect(bestAlternative([chatgpt], everyAlternativeHealthy, ['deepseek', 'claude'])?.id).toBe(
      'deepseek',
    );
    expect(bestAlternative([sora], everyAlternativeHealthy, [])?.id).toBe('gemini-veo');
    expect(bestAlternative([api], everyAlternativeHealthy, ['ai-studio'])?.id).toBe('ai-studio');
  });

  it('never offer one in trouble, and prefer one known to work over one unknown', () => {
    const claudeDown = everyAlternativeHealthy.map((s) =>
      s.id === 'claude' ? { ...s, state: 'major_outage' as const } : s,
    );
    expect(bestAlternative([chatgpt], claudeDown, ['claude'])?.id).toBe('gemini');
    const geminiUnknown = claudeDown.filter((s) => s.id !== 'gemini');
    expect(bestAlternative([chatgpt], geminiUnknown, ['gemini'])?.id).toBe('le-chat');
    // Claude itself in trouble: its notification never offers Claude.
    const claude = serviceHealth({ id: 'claude', name: 'Claude', state: 'major_outage' });
    expect(bestAlternative([claude], everyAlternativeHealthy, ['claude'])?.id).toBe('gemini');
    // Codex has no alternative of its kind: no button for it.
    const codex = serviceHealth({ id: 'codex', name: 'Codex', category: 'code' });
    expect(bestAlternative([codex], everyAlternativeHealthy, [])).toBeNull();
  });

  it('are "Open <alternative>" and "Status page" on a trouble, shown with an icon', async () => {
    const [start] = notificationsFor([notice('trouble', chatgpt)], NOW, everyAlternativeHealthy);
    expect(buttonTargetsOf(start!)).toEqual([{ alternative: 'claude' }, { statusPage: true }]);
    await showNotification(start!);
    const options = fakeBrowser.notifications.getAllCreateOptions()[start!.id];
    expect(options).toMatchObject({
      title: 'ChatGPT: Major outage',
      buttons: [{ title: 'Open Claude' }, { title: 'Status page' }],
    });
    expect(options?.iconUrl).toMatch(/icon\/128\.png$/);
  });

  it('leave the end without buttons: nothing is broken any more', async () => {
    const [back] = notificationsFor([notice('recovered', chatgpt)], NOW, everyAlternativeHealthy);
    await showNotification(back!);
    expect(fakeBrowser.notifications.getAllCreateOptions()[back!.id]?.buttons).toBeUndefined();
  });
});

describe('formatDuration', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installMessages('en');
  });
  it('rounds to minutes, at least one, and adds hours for long ones', () => {
    expect(formatDuration(10_000)).toBe('1 min');
    expect(formatDuration(47 * MIN)).toBe('47 min');
    expect(formatDuration(60 * MIN)).toBe('1 hr');
    expect(formatDuration(26 * 60 * MIN + 3 * MIN)).toBe('26 hr 3 min');
  });
});
