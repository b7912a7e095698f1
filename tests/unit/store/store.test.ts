import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const version = (JSON.parse(read('package.json')) as { version: string }).version;

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(join(ROOT, path));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the store folder', () => {
  it("names package.json's version in the CHANGELOG and the privacy policy", () => {
    expect(read('store/CHANGELOG.md')).toMatch(new RegExp(`^## ${version}$`, 'm'));
    expect(read('store/privacy-policy.html')).toContain(`Version ${version}.`);
    expect(read('store/privacy-policy.html')).toContain(`Versione ${version}.`);
  });

  it('has one line per permission the manifest asks for', () => {
    const config = read('wxt.config.ts');
    const permissions = /permissions: \[([^\]]*)\]/.exec(config)?.[1] ?? '';
    const names = [...permissions.matchAll(/'([a-zA-Z]+)'/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThanOrEqual(5);
    const dataUse = read('store/data-use.md');
    for (const name of names) expect(dataUse).toMatch(new RegExp(`^- \`${name}\`: `, 'm'));
    expect(dataUse).toContain('Optional `https://*/*`');
  });

  it("gives the manifest's own description as the summary, within the store's 132 characters", () => {
    for (const [lang, file] of [
      ['en', 'store/listing.en.md'],
      ['it', 'store/listing.it.md'],
    ] as const) {
      const summary = /## (?:Summary|Riepilogo)\n\n(.+)\n/.exec(read(file))?.[1] ?? '';
      const messages = JSON.parse(read(`public/_locales/${lang}/messages.json`)) as Record<
        string,
        { message: string }
      >;
      expect(summary).toBe(messages.extDescription?.message);
      expect(summary.length).toBeLessThanOrEqual(132);
    }
  });

  it("has screenshots at each store's size, in English and Italian", () => {
    const sizes = { chrome: [1280, 800], amo: [1200, 900] } as const;
    for (const [store, size] of Object.entries(sizes)) {
      const files = readdirSync(join(ROOT, 'store/screenshots', store)).sort();
      expect(files.filter((file) => file.startsWith('en-')).length).toBeGreaterThanOrEqual(3);
      expect(files.filter((file) => file.startsWith('it-')).length).toBeGreaterThanOrEqual(3);
      for (const file of files) expect(pngSize(`store/screenshots/${store}/${file}`)).toEqual(size);
    }
  });
});
