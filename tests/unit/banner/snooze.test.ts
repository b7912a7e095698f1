import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isSnoozed,
  migrateBannerDismissal,
  normalizeSnoozes,
  readSnoozes,
  SNOOZE_HOUR_MS,
  snoozeOf,
  storeSnooze,
} from '@/utils/banner/snooze';
import { bannerDismissedFor, bannerSnoozes } from '@/utils/banner/store';

describe('snooze decisions', () => {
  it('holds an hour’s snooze until it runs out, whatever the outage', () => {
    const snooze = snoozeOf({ for: 'hour', openedAt: 10 }, 1_000);
    expect(snooze).toEqual({ until: 1_000 + SNOOZE_HOUR_MS });
    expect(isSnoozed(snooze, 10, 1_000 + SNOOZE_HOUR_MS - 1)).toBe(true);
    expect(isSnoozed(snooze, 99, 1_000)).toBe(true);
    expect(isSnoozed(snooze, 10, 1_000 + SNOOZE_HOUR_MS)).toBe(false);
  });

  it('holds a snooze until recovery for that outage only', () => {
    const snooze = snoozeOf({ for: 'outage', openedAt: 10 }, 1_000);
    expect(isSnoozed(snooze, 10, 9e12)).toBe(true);
    expect(isSnoozed(snooze, 11, 1_000)).toBe(false);
    expect(isSnoozed(snooze, null, 1_000)).toBe(false);
  });

  it('snoozes nothing when there is no snooze', () => {
    expect(isSnoozed(undefined, 10, 1_000)).toBe(false);
  });
});

describe('stored snoozes', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps only snoozes of known sites, with times', () => {
    expect(
      normalizeSnoozes({
        chatgpt: { until: 5 },
        sora: { openedAt: 'soon' },
        platform: { openedAt: 7, until: -1 },
        evil: { until: 1e15 },
      }),
    ).toEqual({ chatgpt: { until: 5 }, platform: { openedAt: 7 } });
    expect(normalizeSnoozes('junk')).toEqual({});
    expect(normalizeSnoozes(null)).toEqual({});
  });

  it('keeps a ChatGPT dismissal stored before snoozes as a snooze until recovery', async () => {
    await bannerDismissedFor.setValue(1_234);
    expect(await readSnoozes()).toEqual({ chatgpt: { openedAt: 1_234 } });
    await migrateBannerDismissal();
    expect(await bannerDismissedFor.getValue()).toBeNull();
    expect(await bannerSnoozes.getValue()).toEqual({ chatgpt: { openedAt: 1_234 } });
    expect(await readSnoozes()).toEqual({ chatgpt: { openedAt: 1_234 } });
  });

  it('does not let an old dismissal override a newer ChatGPT snooze', async () => {
    await bannerSnoozes.setValue({ chatgpt: { until: 99 } });
    await bannerDismissedFor.setValue(1_234);
    await migrateBannerDismissal();
    expect(await readSnoozes()).toEqual({ chatgpt: { until: 99 } });
  });

  it('stores one site’s snooze beside the others', async () => {
    await storeSnooze('sora', { until: 10 });
    await storeSnooze('platform', { openedAt: 3 });
    await storeSnooze('sora', { openedAt: 4 });
    expect(await readSnoozes()).toEqual({ sora: { openedAt: 4 }, platform: { openedAt: 3 } });
  });
});
