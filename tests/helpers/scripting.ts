import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';

/**
 * `scripting` as the browser keeps it (WXT's fake browser leaves it unimplemented): a list
 * of registered content scripts, and a record of the scripts injected into tabs.
 */
export function installScripting() {
  const registered = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
  const injected: { tabId: number; files: string[] }[] = [];
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
    async (filter) =>
      [...registered.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id)),
  );
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    for (const script of scripts) {
      if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      registered.set(script.id, script);
    }
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
  });
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) => {
    injected.push({ tabId: injection.target.tabId, files: injection.files ?? [] });
    return [];
  });
  // The fake's tabs.query compares URLs exactly; browsers take match patterns.
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url, ...rest }) => {
    const patterns = (url === undefined ? [] : Array.isArray(url) ? url : [url]).map(
      (p) => new MatchPattern(p),
    );
    const tabs = await query(rest);
    return patterns.length === 0
      ? tabs
      : tabs.filter((tab) => patterns.some((p) => tab.url && p.includes(tab.url)));
  });
  return { registered, injected };
}
