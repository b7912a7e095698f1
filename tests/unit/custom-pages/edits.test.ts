import { describe, expect, it } from 'vitest';
import { alreadyAdded, newPageId, withPage } from '@/utils/custom-pages/edits';
import { sourceOrigin } from '@/utils/sources';
import { normalizeSettings } from '@/utils/settings/normalize';
import { DEFAULT_SETTINGS } from '@/utils/settings/types';

const found = {
  ok: true as const,
  source: { format: 'statuspage' as const, baseUrl: 'https://www.cloudflarestatus.com' },
  name: 'Cloudflare Status',
  state: 'degraded',
};

describe('adding a custom page', () => {
  it('names it after the page, with an id from its host unique in the list', () => {
    const once = withPage(DEFAULT_SETTINGS, 'https://www.cloudflarestatus.com/', found, 5);
    expect(once.customPages).toEqual([
      {
        id: 'www-cloudflarestatus-com',
        name: 'Cloudflare Status',
        pageUrl: 'https://www.cloudflarestatus.com/',
        source: found.source,
        addedAt: 5,
      },
    ]);
    // Valid as stored: the settings' own validation keeps it.
    expect(normalizeSettings(once)).toEqual(once);
    expect(alreadyAdded(once.customPages, found)).toBe(true);
    expect(withPage(once, 'https://www.cloudflarestatus.com/x', found, 6)).toBe(once);
    expect(newPageId('www.cloudflarestatus.com', once.customPages)).toBe(
      'www-cloudflarestatus-com-2',
    );
    expect(sourceOrigin(once.customPages[0]!.source)).toBe('https://www.cloudflarestatus.com');
  });
});
