// Accessibility, measured: axe-core on every page of ours, in light and dark (the popup all
// well, in an outage and offline; the options; the first-run page; the handoff page), with no
// serious or critical violation allowed; the banner, which lives in a closed shadow root that
// axe cannot enter, through the browser's accessibility tree instead; and the banner and the
// options by keyboard alone, as the popup's own test does (tests/e2e/popup.test.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  BANNER_HOST,
  clickInBanner,
  inBanner,
  launch,
  stateOf,
  waitForBanner,
  waitUntil,
} from './harness.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe's serious and critical violations on `page`, each with where it was found. */
async function seriousViolations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      where: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
}

async function assertAccessible(page, what) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 2)}`);
}

/**
 * The banner as assistive technology gets it: the browser's full accessibility tree (CDP),
 * which includes closed shadow roots, without any script of ours opening it. Returns the
 * banner's alert node and every node below it.
 */
async function bannerAxTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const alert = nodes.find(
      (node) => node.role?.value === 'alert' && /AI Outage Radar/.test(node.name?.value ?? ''),
    );
    if (!alert) return null;
    const below = [];
    const walk = (node) => {
      for (const id of node.childIds ?? []) {
        const child = byId.get(id);
        if (!child) continue;
        below.push(child);
        walk(child);
      }
    };
    walk(alert);
    return { alert, below };
  } finally {
    await cdp.detach();
  }
}

async function checkNow(radar, popup) {
  const before = (await radar.snapshot())?.checkedAt ?? 0;
  await popup.locator('.popup__footer button').click();
  await waitUntil(radar.snapshot, (s) => s?.checkedAt > before, { what: 'the check' });
}

for (const colorScheme of ['light', 'dark']) {
  describe(`no serious or critical accessibility violation (${colorScheme})`, () => {
    let radar;
    let popup;
    let chatgpt;

    before(async () => {
      radar = await launch({ colorScheme, world: { alternativePages: true } });
    });
    after(() => radar?.close());

    it('on the first-run page', async () => {
      const welcome = await waitUntil(
        () => radar.context.pages().find((page) => page.url().endsWith('/welcome.html')),
        Boolean,
        { what: 'the first-run page' },
      );
      await welcome.locator('input[type="checkbox"]').first().waitFor();
      await assertAccessible(welcome, 'first-run');
      await welcome.close();
    });

    it('on the popup, all well', async () => {
      await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'operational', {
        what: 'ChatGPT working',
      });
      popup = await radar.openPopup();
      await popup.locator('.service__head').first().waitFor();
      await assertAccessible(popup, 'popup, all well');
    });

    it('on the options page', async () => {
      const options = await radar.context.newPage();
      await options.goto(`chrome-extension://${radar.extensionId}/options.html`);
      await options.locator('main input').first().waitFor();
      await assertAccessible(options, 'options');
      await options.close();
    });

    it('on the popup in an outage', async () => {
      radar.state.openai = 'outage';
      await checkNow(radar, popup);
      await popup.locator('.popup--trouble').waitFor();
      await assertAccessible(popup, 'popup, outage');
    });

    it('in the banner, as the accessibility tree gives it (its shadow root stays closed)', async () => {
      chatgpt = await radar.context.newPage();
      await chatgpt.goto('https://chatgpt.com/');
      await waitForBanner(chatgpt, { timeout: 15_000 });
      const tree = await bannerAxTree(chatgpt);
      assert.ok(tree, 'the banner is an alert named for AI Outage Radar');
      const controls = tree.below.filter((node) =>
        ['button', 'link'].includes(node.role?.value ?? ''),
      );
      assert.ok(controls.length >= 4, `${controls.length} buttons and links`);
      for (const control of controls) {
        assert.ok(
          (control.name?.value ?? '').trim().length > 0,
          `a ${control.role.value} without a name`,
        );
      }
      const toggle = controls.find((node) =>
        node.properties?.some((property) => property.name === 'expanded'),
      );
      assert.ok(toggle, 'the snooze button says whether its menu is open');
      // The page around it: the banner's host adds nothing serious either.
      await assertAccessible(chatgpt, 'chatgpt.com with the banner');
    });

    it('on the handoff page', async () => {
      await chatgpt.bringToFront();
      await chatgpt.locator('#prompt-textarea').fill('Summarise the meeting notes');
      const opened = radar.context.waitForEvent('page', {
        predicate: (page) => page.url().includes('/handoff.html'),
      });
      await clickInBanner(chatgpt, '[data-alternative="gemini"]');
      const handoff = await opened;
      await handoff.getByRole('button').first().waitFor();
      await assertAccessible(handoff, 'handoff');
      await handoff.close();
    });

    it('on the popup offline', async () => {
      radar.state.openai = 'healthy';
      radar.state.offline = true;
      await popup.close();
      popup = await radar.openPopup();
      await popup.locator('.popup__footer button').click();
      await waitUntil(radar.snapshot, (s) => s?.offline != null, { what: 'offline' });
      await popup.locator('.popup--offline').waitFor();
      await assertAccessible(popup, 'popup, offline');
      radar.state.offline = false;
    });
  });
}

/** The element focused inside the banner: its class, text, and whether its focus shows. */
const focusedInBanner = async (page) =>
  (
    await inBanner(page, ':focus', (element) => {
      const style = globalThis.getComputedStyle(element);
      return {
        cls: element.className,
        text: element.textContent.trim(),
        expanded: element.getAttribute('aria-expanded'),
        visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      };
    })
  )[0] ?? null;

describe('the banner by keyboard alone', () => {
  let radar;
  let chatgpt;

  before(async () => {
    radar = await launch({ world: { openai: 'outage', alternativePages: true } });
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'major_outage', {
      what: 'ChatGPT in trouble',
    });
    chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await waitForBanner(chatgpt);
  });
  after(() => radar?.close());

  /** Presses Tab until `wanted` is focused in the banner; the focus shown at each stop. */
  async function tabTo(wanted, limit = 30) {
    const stops = [];
    for (let press = 0; press < limit; press++) {
      await chatgpt.keyboard.press('Tab');
      const inHost = await chatgpt.evaluate(
        (host) => document.activeElement?.localName === host,
        BANNER_HOST,
      );
      if (!inHost) continue;
      const focused = await focusedInBanner(chatgpt);
      if (!focused) continue;
      stops.push(focused);
      if (wanted(focused)) return stops;
    }
    throw new Error(`not reached by Tab: ${JSON.stringify(stops)}`);
  }

  it('reaches an alternative, with the focus always visible', async () => {
    await chatgpt.locator('#prompt-textarea').click();
    const stops = await tabTo((focused) => /banner__alternative/.test(focused.cls));
    assert.ok(stops.length >= 3, JSON.stringify(stops));
    for (const stop of stops) assert.ok(stop.visible, `no visible focus on ${stop.cls}`);
  });

  it('opens the snooze menu, closes it with Escape back on its button, and snoozes', async () => {
    await chatgpt.locator('#prompt-textarea').click();
    await tabTo((focused) => /banner__snooze-toggle/.test(focused.cls));
    await chatgpt.keyboard.press('Enter');
    assert.equal((await focusedInBanner(chatgpt))?.expanded, 'true');
    await chatgpt.keyboard.press('Tab');
    assert.match((await focusedInBanner(chatgpt))?.cls ?? '', /banner__snooze-hour/);
    await chatgpt.keyboard.press('Escape');
    const back = await focusedInBanner(chatgpt);
    assert.match(back?.cls ?? '', /banner__snooze-toggle/, 'focus back on the snooze button');
    assert.equal(back.expanded, 'false');
    await chatgpt.keyboard.press('Enter');
    await chatgpt.keyboard.press('Tab');
    await chatgpt.keyboard.press('Enter');
    await waitUntil(
      () => inBanner(chatgpt, '.banner'),
      (banners) => banners.length === 0,
      { what: 'the banner snoozed' },
    );
  });
});

describe('the options page by keyboard alone', () => {
  let radar;

  before(async () => {
    radar = await launch();
  });
  after(() => radar?.close());

  it('reaches every control in order, with the focus always visible', async () => {
    const options = await radar.context.newPage();
    await options.goto(`chrome-extension://${radar.extensionId}/options.html`);
    await options.locator('main input').first().waitFor();
    const controls = await options.evaluate(
      () =>
        [...document.querySelectorAll('input, button, select, textarea, a[href]')].filter(
          (element) => !element.disabled && element.getClientRects().length > 0,
        ).length,
    );
    const seen = new Set();
    for (let press = 0; press < controls + 5; press++) {
      await options.keyboard.press('Tab');
      const focused = await options.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = globalThis.getComputedStyle(element);
        const id = [...document.querySelectorAll('*')].indexOf(element);
        return {
          id,
          what: `${element.localName}.${element.className} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30)}`,
          visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        };
      });
      if (!focused) continue;
      assert.ok(focused.visible, `no visible focus on ${focused.what}`);
      seen.add(focused.id);
    }
    assert.ok(seen.size >= controls, `${seen.size} of ${controls} controls reached by Tab`);
  });

  it('toggles a choice with Space', async () => {
    const options = await radar.context.newPage();
    await options.goto(`chrome-extension://${radar.extensionId}/options.html`);
    const box = options.locator('main input[type="checkbox"]').first();
    await box.waitFor();
    const was = await box.isChecked();
    await box.focus();
    await options.keyboard.press(' ');
    await waitUntil(
      () => box.isChecked(),
      (now) => now !== was,
      { what: 'the checkbox toggled' },
    );
  });
});
