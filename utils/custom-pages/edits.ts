import type { StatusPageDetection } from '@/utils/custom-pages/detect';
import type { CustomStatusPage, Settings } from '@/utils/settings/types';

type Found = Extract<StatusPageDetection, { ok: true }>;

/** An id for a new page, from its host: readable in storage, unique among the user's pages. */
export function newPageId(host: string, taken: readonly CustomStatusPage[]): string {
  const base =
    host
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'page';
  const ids = new Set(taken.map((page) => page.id));
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Whether a page reading the same source is already in the list. */
export function alreadyAdded(pages: readonly CustomStatusPage[], found: Found): boolean {
  const key = JSON.stringify(found.source);
  return pages.some((page) => JSON.stringify(page.source) === key);
}

/** The settings with the detected page added, named as the page calls itself. */
export function withPage(current: Settings, pageUrl: string, found: Found, now: number): Settings {
  if (alreadyAdded(current.customPages, found)) return current;
  const url = new URL(pageUrl);
  return {
    ...current,
    customPages: [
      ...current.customPages,
      {
        id: newPageId(url.host, current.customPages),
        name: found.name,
        pageUrl: url.href,
        source: found.source,
        addedAt: now,
      },
    ],
  };
}
