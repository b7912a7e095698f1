// The user's settings, end to end: the first-run page on install, a status page added in the
// options, a service hidden, and settings exported then imported. Chromium's permission
// dialog cannot be clicked by automation (../shared/e2e-recipe.md): for a page that needs
// access to its site, this tests the page that asks (the button appears); what happens once
// access is there is the CORS page's path, which needs no grant.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { launch, waitUntil } from './harness.mjs';

const storedSettings = (radar) =>
  radar.evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? null);

describe('settings', () => {
  let radar;
  let options;

  before(async () => {
    radar = await launch();
  });
  after(() => radar?.close());

  it('opens the first-run page on install, and the tools chosen there are saved', async () => {
    const welcome = await waitUntil(
      () => radar.context.pages().find((page) => page.url().endsWith('/welcome.html')),
      Boolean,
      { what: 'the first-run page' },
    );
    await welcome.getByRole('heading', { name: 'Which AI tools do you use?' }).waitFor();
    const chatgpt = welcome.getByRole('checkbox', { name: 'ChatGPT', exact: true });
    await waitUntil(() => chatgpt.isChecked(), Boolean, { what: 'ChatGPT ticked' });
    await welcome.getByRole('checkbox', { name: 'Claude', exact: true }).check();
    await welcome.getByRole('button', { name: 'Done' }).click();
    await welcome.getByText('Saved.', { exact: false }).waitFor();
    const settings = await storedSettings(radar);
    assert.deepEqual(settings.myTools, ['chatgpt', 'claude']);
    // Once: only an install opens it, and the options are one link away.
    assert.equal(
      await welcome.getByRole('link', { name: 'More settings' }).getAttribute('href'),
      `chrome-extension://${radar.extensionId}/options.html`,
    );
    await welcome.close();
    // The popup puts them first, under their own heading: Claude moves up past Sora, the
    // OpenAI products and everything else the catalog lists before it.
    const popup = await radar.openPopup();
    await popup.getByRole('heading', { name: 'Your tools' }).waitFor();
    const names = await popup.locator('.service__name').allInnerTexts();
    assert.deepEqual(names.slice(0, 3), ['ChatGPT', 'Claude', 'Sora']);
    await popup.close();
  });

  it('adds a status page by URL, and the popup shows it', async () => {
    options = await radar.context.newPage();
    await options.goto(`chrome-extension://${radar.extensionId}/options.html`);
    const address = options.getByRole('textbox', { name: 'Status page address' });
    await address.fill('https://www.cloudflarestatus.com/');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByText('Added Cloudflare Status', { exact: false }).waitFor();
    const [page] = (await storedSettings(radar)).customPages;
    assert.equal(page.name, 'Cloudflare Status');
    assert.deepEqual(page.source, {
      format: 'statuspage',
      baseUrl: 'https://www.cloudflarestatus.com',
    });
    // The settings change makes the worker read it at once, and publish it.
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => s?.services.some((service) => service.id === `custom:${page.id}`),
      { what: 'the custom page in the snapshot' },
    );
    const service = snapshot.services.find((one) => one.id === `custom:${page.id}`);
    // The whole page is the product: the capture's worst component is in partial outage.
    assert.equal(service.state, 'partial_outage');
    assert.equal(service.statusPageUrl, 'https://www.cloudflarestatus.com/');
    const popup = await radar.openPopup();
    await popup.getByText('Cloudflare Status').first().waitFor();
    await popup.close();
    // It has a row of its own in the tools table, and can be renamed.
    const name = options.getByRole('textbox', { name: 'Name shown in the popup' });
    await name.fill('Cloudflare');
    await name.press('Enter');
    await waitUntil(
      async () => (await storedSettings(radar)).customPages[0].name,
      (value) => value === 'Cloudflare',
      { what: 'the page renamed' },
    );
  });

  it('asks for access to a page that does not answer other sites (no CORS)', async () => {
    const address = options.getByRole('textbox', { name: 'Status page address' });
    await address.fill('https://status.wistia.com');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByRole('button', { name: 'Allow access to status.wistia.com' }).waitFor();
    assert.equal((await storedSettings(radar)).customPages.length, 1);
    // The same page under another address is the same page: said, not added twice.
    await address.fill('https://www.cloudflarestatus.com/incidents');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByText('This page is already in your list.').waitFor();
    // A site we may read that is no status page (a probe target answers 401 to everything).
    await address.fill('https://api.openai.com/');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByText('No status page we can read was found at this address.').waitFor();
    assert.equal((await storedSettings(radar)).customPages.length, 1);
  });

  it('hiding a service takes it out of the snapshot and the popup', async () => {
    await waitUntil(
      radar.snapshot,
      (s) => s?.services.some((service) => service.id === 'le-chat'),
      { what: 'Le Chat watched' },
    );
    await options.getByRole('checkbox', { name: 'Watch Le Chat' }).uncheck();
    await waitUntil(
      radar.snapshot,
      (s) => s && !s.services.some((service) => service.id === 'le-chat'),
      { what: 'Le Chat gone from the snapshot' },
    );
    assert.deepEqual((await storedSettings(radar)).hiddenServices, ['le-chat']);
    assert.equal(
      await options.getByRole('checkbox', { name: 'Notifications for Le Chat' }).isDisabled(),
      true,
    );
    const popup = await radar.openPopup();
    await popup.getByText('ChatGPT').first().waitFor();
    assert.equal(await popup.getByText('Le Chat').count(), 0);
    await popup.close();
  });

  it('exports the settings to a file and imports them back', async () => {
    await options.getByRole('checkbox', { name: 'quiet hours', exact: false }).check();
    await options.getByRole('button', { name: 'Move Gemini up' }).first().click();
    // From the keyboard: focus stays with Gemini (now first, so on its "down" button), and
    // the move is announced.
    await waitUntil(
      () => options.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      (label) => label === 'Move Gemini down',
      { what: 'focus kept on the moved alternative' },
    );
    await options.getByText('Gemini is now number 1').waitFor({ state: 'attached' });
    await waitUntil(
      () => storedSettings(radar),
      (s) => s.quietHours.enabled && s.preferredAlternatives[0] === 'gemini',
      { what: 'quiet hours on, Gemini first' },
    );
    const before = await storedSettings(radar);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export settings' }).click(),
    ]);
    const file = await download.path();
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).settings, before);

    await radar.evaluate(() => chrome.storage.sync.clear());
    await waitUntil(
      () => options.getByRole('checkbox', { name: 'Watch Le Chat' }).isChecked(),
      Boolean,
      { what: 'the page following the cleared settings' },
    );
    await options.locator('input[name=import]').setInputFiles(file);
    await options.getByText('Settings imported', { exact: false }).waitFor();
    assert.deepEqual(await storedSettings(radar), before);

    await options.locator('input[name=import]').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await options.getByText('Not imported: the file holds no AI Outage Radar settings.').waitFor();
    assert.deepEqual(await storedSettings(radar), before);
  });

  it('clears the history only after the user confirms', async () => {
    const count = () =>
      radar.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('ai-outage-radar');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('checks').objectStore('checks').count();
              request.onsuccess = () => {
                resolve(request.result);
                open.result.close();
              };
            };
          }),
      );
    await waitUntil(count, (n) => n > 0, { what: 'a check in the history' });
    await options.getByRole('button', { name: 'Clear history' }).click();
    assert.ok((await count()) > 0, 'nothing is cleared before the confirmation');
    await options.getByRole('button', { name: 'Delete', exact: true }).click();
    await options.getByText('History cleared.').waitFor();
    assert.equal(await count(), 0);
  });

  it('removing a page takes it out of the settings and the popup', async () => {
    await options.getByRole('button', { name: 'Remove Cloudflare' }).click();
    await waitUntil(
      () => storedSettings(radar),
      (s) => s.customPages.length === 0,
      { what: 'the page removed' },
    );
    await waitUntil(
      radar.snapshot,
      (s) => !s.services.some((service) => service.id.startsWith('custom:')),
      { what: 'the page gone from the snapshot' },
    );
  });
});
