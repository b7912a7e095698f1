import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sourceReads } from '@/utils/storage';

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
});
