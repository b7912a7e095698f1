import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CHATGPT_ID, PROVIDERS } from '@/utils/catalog';
import type { ProductDefinition } from '@/utils/catalog';
import { t } from '@/utils/core';
import { readSettings, updateSettings } from '@/utils/settings';

/**
 * The tools offered here: the catalog's chat, code and API products. A product that stands
 * in for nothing (OpenAI's login) is a part of another, not a tool anyone picks.
 */
export const WELCOME_TOOLS: readonly ProductDefinition[] = PROVIDERS.flatMap(
  (provider) => provider.products,
).filter(
  (product) => ['chat', 'code', 'api'].includes(product.category) && product.standsInFor.length > 0,
);

/**
 * The first-run page, opened once on install: what the extension does, in three lines, and
 * which AI tools the user works with (ChatGPT ticked, as the reason most people install it).
 */
export function Welcome() {
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    void readSettings().then(({ myTools }) => setChosen(myTools.length ? myTools : [CHATGPT_ID]));
  }, []);

  async function finish(event: Event) {
    event.preventDefault();
    const tools = chosen ?? [];
    // The user's order is the grid's: the catalog's, ChatGPT first.
    const ordered = WELCOME_TOOLS.map((product) => product.id).filter((id) => tools.includes(id));
    await updateSettings((current) => ({ ...current, myTools: ordered }));
    setDone(true);
  }

  return (
    <main class="page welcome">
      <header class="page__header">
        <img src="/icon/96.png" alt="" width="56" height="56" />
        <h1>{t('welcome_title')}</h1>
      </header>
      <ul class="welcome__lines">
        <li>{t('welcome_line1')}</li>
        <li>{t('welcome_line2')}</li>
        <li>{t('welcome_line3')}</li>
      </ul>
      <form onSubmit={(event) => void finish(event)}>
        <fieldset class="welcome__tools" disabled={chosen === null}>
          <legend>
            <h2>{t('welcome_question')}</h2>
          </legend>
          {WELCOME_TOOLS.map((product) => (
            <label key={product.id} class="welcome__tool">
              <input
                type="checkbox"
                name="tool"
                value={product.id}
                checked={chosen?.includes(product.id) ?? false}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setDone(false);
                  setChosen((now) =>
                    on
                      ? [...(now ?? []), product.id]
                      : (now ?? []).filter((id) => id !== product.id),
                  );
                }}
              />
              {product.name}
            </label>
          ))}
        </fieldset>
        <div class="row">
          <button type="submit" class="primary" name="done">
            {t('welcome_done')}
          </button>
          <a href={browser.runtime.getURL('/options.html')}>{t('welcome_options')}</a>
        </div>
        <p class="status-line" role="status" aria-live="polite">
          {done ? t('welcome_saved') : ''}
        </p>
      </form>
    </main>
  );
}
