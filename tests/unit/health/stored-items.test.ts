import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { healthSnapshot } from '@/utils/health/store';
import { sourceReads } from '@/utils/sources/store';

describe('stored items evolve', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates source reads written before layouts were remembered (v1 → v2)', async () => {
    // What the worker stored before: a read of the flat compat JSON, no `layout`.
    const v1 = {
      openai: {
        attemptedAt: 1,
        report: {
          components: [
            { id: '01JMXBNJXGV1T5GT2M9XA83XNG', name: 'Conversations', state: 'operational' },
          ],
          incidents: [],
        },
        okAt: 1,
        error: null,
        failures: 0,
        nextDueAt: 2,
      },
    };
    await fakeBrowser.storage.local.set({ sourceReads: v1, sourceReads$: { v: 1 } });
    await sourceReads.migrate();
    expect(await sourceReads.getValue()).toEqual({ openai: { ...v1.openai, layout: null } });
    expect((await fakeBrowser.storage.local.get('sourceReads$')).sourceReads$).toEqual({ v: 2 });
  });

  it('migrates a snapshot written before outage identities and detection times (v1 → v2)', async () => {
    // The v1 shape, as the first slice stored it: no openedAt, calmSince, detection, lastReadAt.
    const v1 = {
      checkedAt: 1_000,
      services: [
        {
          id: 'chatgpt',
          name: 'ChatGPT',
          providerId: 'openai',
          category: 'chat',
          homeUrl: 'https://chatgpt.com',
          statusPageUrl: 'https://status.openai.com',
          state: 'major_outage',
          confidence: 'high',
          officialState: 'major_outage',
          affected: [{ name: 'Conversations', state: 'major_outage' }],
          incidents: [],
          reasons: [{ key: 'reason_notListed' }],
          troubleSince: 900,
        },
      ],
    };
    await fakeBrowser.storage.local.set({ healthSnapshot: v1, healthSnapshot$: { v: 1 } });
    await healthSnapshot.migrate();
    expect(await healthSnapshot.getValue()).toEqual({
      checkedAt: 1_000,
      services: [
        {
          ...v1.services[0],
          reasons: [],
          openedAt: 900,
          lastReadAt: null,
          calmSince: null,
          detection: { radarAt: null, officialAt: null },
        },
      ],
    });
  });
});
