import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  alreadyAdded,
  customId,
  sourceOrigin,
  withPage,
  type StatusPageDetection,
} from '@/utils/custom-pages';
import { sendMessage } from '@/utils/messaging';
import type { CustomStatusPage, Settings } from '@/utils/settings';
import { isComponentState, t, type MessageKey } from '@/utils/core';
import type { SettingsEdit } from './types';

type Step =
  | { kind: 'idle' }
  | { kind: 'detecting' }
  | { kind: 'permission'; origin: string }
  | { kind: 'added'; name: string; state: string }
  | { kind: 'problem'; message: MessageKey };

const PROBLEMS: Record<Exclude<StatusPageDetection, { ok: true }>['reason'], MessageKey> = {
  invalid_url: 'options_pagesInvalid',
  not_found: 'options_pagesNotFound',
  permission: 'options_pagesNotFound',
};

/**
 * "Add a status page by URL": the worker tries our formats on it; a page we may not read yet
 * gets a button that asks for that one site (the request must run in the click itself: a
 * browser grants it only on a user gesture), then it is detected again and saved.
 */
export function CustomPagesSection({
  current,
  change,
}: {
  current: Settings;
  change: SettingsEdit;
}) {
  const [url, setUrl] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  async function detect(pageUrl: string) {
    setStep({ kind: 'detecting' });
    const found = await sendMessage('detectStatusPage', pageUrl).catch((): StatusPageDetection => ({
      ok: false,
      reason: 'not_found',
    }));
    if (!found.ok) {
      setStep(
        found.reason === 'permission'
          ? { kind: 'permission', origin: new URL(pageUrl).origin }
          : { kind: 'problem', message: PROBLEMS[found.reason] },
      );
      return;
    }
    if (alreadyAdded(current.customPages, found)) {
      setStep({ kind: 'problem', message: 'options_pagesDuplicate' });
      return;
    }
    await change((now) => withPage(now, pageUrl, found, Date.now()));
    setUrl('');
    setStep({ kind: 'added', name: found.name, state: found.state });
  }

  async function allow(origin: string) {
    // First thing in the click handler: the browser asks the user only on a gesture.
    const granted = await browser.permissions
      .request({ origins: [`${origin}/*`] })
      .catch(() => false);
    if (granted) await detect(url.trim());
    else setStep({ kind: 'problem', message: 'options_pagesDenied' });
  }

  async function remove(page: CustomStatusPage) {
    const origin = sourceOrigin(page.source);
    await change((now) => ({
      ...now,
      customPages: now.customPages.filter((other) => other.id !== page.id),
      // Its product goes from every list too: an id for a page that is gone is clutter.
      myTools: now.myTools.filter((id) => id !== customId(page)),
      hiddenServices: now.hiddenServices.filter((id) => id !== customId(page)),
      mutedServices: now.mutedServices.filter((id) => id !== customId(page)),
    }));
    // The site's access goes with its last page. A host the extension needs anyway (the
    // catalog's) cannot be removed: the browser refuses, and that is fine.
    if (
      !current.customPages.some(
        (other) => other.id !== page.id && sourceOrigin(other.source) === origin,
      )
    ) {
      await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
    }
  }

  const rename = (page: CustomStatusPage, name: string) =>
    change((now) => ({
      ...now,
      customPages: now.customPages.map((other) =>
        other.id === page.id ? { ...other, name: name.trim() || other.name } : other,
      ),
    }));

  return (
    <section aria-labelledby="pages-title">
      <h2 id="pages-title">{t('options_pagesTitle')}</h2>
      <p class="hint">{t('options_pagesHint')}</p>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (url.trim()) void detect(url.trim());
        }}
      >
        <label class="grow">
          <span class="visually-hidden">{t('options_pagesUrl')}</span>
          <input
            type="url"
            name="pageUrl"
            required
            placeholder="https://status.example.com"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" disabled={step.kind === 'detecting'}>
          {t('options_pagesAdd')}
        </button>
      </form>
      <div class="status-line" role="status" aria-live="polite">
        {step.kind === 'detecting' && t('options_pagesDetecting')}
        {step.kind === 'added' &&
          t('options_pagesAdded', [
            step.name,
            isComponentState(step.state) ? t(`state_${step.state}`) : step.state,
          ])}
        {step.kind === 'problem' && t(step.message)}
        {step.kind === 'permission' && (
          <>
            <span>{t('options_pagesPermission')}</span>{' '}
            <button
              type="button"
              class="primary"
              name="allow"
              onClick={() => void allow(step.origin)}
            >
              {t('options_pagesAllow', new URL(step.origin).host)}
            </button>
          </>
        )}
      </div>
      {current.customPages.length > 0 && (
        <ul class="pages">
          {current.customPages.map((page) => (
            <li key={page.id} data-page={page.id}>
              <label class="grow">
                <span class="visually-hidden">{t('options_pagesName')}</span>
                <input
                  type="text"
                  name="pageName"
                  maxLength={60}
                  value={page.name}
                  onChange={(event) => void rename(page, event.currentTarget.value)}
                />
              </label>
              <a href={page.pageUrl} target="_blank" rel="noreferrer noopener" class="muted">
                {new URL(page.pageUrl).host}
              </a>
              <button
                type="button"
                name="remove"
                aria-label={t('options_pagesRemoveLabel', page.name)}
                onClick={() => void remove(page)}
              >
                {t('options_pagesRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
