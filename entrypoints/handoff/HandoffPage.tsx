import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/core';
import { sendMessage } from '@/utils/messaging';
import { peekAsk, type PendingPrompt, originPattern, alternativeById } from '@/utils/handoff';

/** How much of the prompt the page shows, so the user knows what will be typed. */
const PREVIEW_CHARS = 200;

type View =
  | { kind: 'loading' }
  | { kind: 'ask'; entry: PendingPrompt }
  /** The prompt expired (or was already taken): say so, and offer the alternative's home. */
  | { kind: 'expired' };

/**
 * Asks for access to one alternative's site so our script can type the prompt there. The
 * browser's own permission dialog follows the click on "Allow", which is why this is a page
 * of ours: a permission can only be asked for in answer to the user's gesture.
 */
export function HandoffPage({
  alternativeId,
  token,
}: {
  alternativeId: string | null;
  token: string;
}) {
  const alternative = alternativeById(alternativeId);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    void peekAsk(token)
      .catch(() => null)
      .then((entry) =>
        setView(
          entry && entry.alternativeId === alternative?.id
            ? { kind: 'ask', entry }
            : { kind: 'expired' },
        ),
      );
  }, [token, alternative?.id]);

  useEffect(() => {
    document.title = alternative ? t('handoff_pageTitle', alternative.name) : t('extName');
  }, [alternative]);

  if (view.kind === 'loading') return null;
  const host = alternative ? new URL(alternative.homeUrl).host : '';
  const open = () => alternative && location.assign(alternative.homeUrl);

  if (view.kind === 'expired' || !alternative) {
    return (
      <main class="handoff">
        <Header />
        <h1>{t('handoff_expiredTitle')}</h1>
        <p>{t('handoff_expired')}</p>
        {alternative && (
          <div class="handoff__actions">
            <button type="button" class="primary" onClick={open}>
              {t('handoff_openHome', alternative.name)}
            </button>
          </div>
        )}
      </main>
    );
  }

  const allow = () => {
    // Called straight from the click: the browser asks only in answer to a user gesture.
    void browser.permissions
      .request({ origins: [originPattern(alternative.homeUrl)] })
      .then(async (granted) => {
        if (!granted) return setDenied(true);
        // The worker takes this tab to the alternative and types the prompt once it loads.
        const outcome = await sendMessage('handoffGranted', token);
        if (outcome !== 'fill') open();
      })
      .catch(() => setDenied(true));
  };

  const { prompt } = view.entry;
  const preview = prompt.length > PREVIEW_CHARS ? `${prompt.slice(0, PREVIEW_CHARS)}…` : prompt;
  return (
    <main class="handoff">
      <Header />
      <h1>{t('handoff_title', alternative.name)}</h1>
      <p>{t('handoff_needsAccess', [host])}</p>
      <figure class="handoff__prompt">
        <figcaption>{t('handoff_promptLabel')}</figcaption>
        <blockquote>{preview}</blockquote>
      </figure>
      <ul class="handoff__facts">
        <li>{t('handoff_neverSends')}</li>
        <li>{t('handoff_accessScope', [host])}</li>
        <li>{t('handoff_clipboard', alternative.name)}</li>
      </ul>
      {denied && (
        <p class="handoff__denied" role="status">
          {t('handoff_denied', alternative.name)}
        </p>
      )}
      <div class="handoff__actions">
        <button type="button" class="primary" onClick={allow}>
          {t('handoff_allow', alternative.name)}
        </button>
        <button type="button" class="secondary" onClick={open}>
          {t('handoff_justOpen', alternative.name)}
        </button>
      </div>
    </main>
  );
}

function Header() {
  return (
    <header class="handoff__header">
      <img src="/icon/48.png" alt="" width={24} height={24} />
      <span>{t('extName')}</span>
    </header>
  );
}
