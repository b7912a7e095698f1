import { useState } from 'preact/hooks';
import { StateDot } from '@/components/StateDot';
import type { Alternative } from '@/utils/catalog/types';
import { readComposer } from '@/utils/chatgpt-composer';
import { BANNER_STATUS_PAGE_URL, bannerEvidence } from '@/utils/banner';
import { alternativeLink, statusLink } from '@/utils/banner-links';
import { reasonText, stateLabel } from '@/utils/health/reason-text';
import type { ServiceHealth } from '@/utils/health/types';
import { formatList, t, tAt } from '@/utils/i18n';

/** Prompts longer than this travel by clipboard only: URLs that long are refused by some sites. */
const MAX_PROMPT_IN_URL = 4_000;

type PromptNotice = 'copied' | 'empty' | 'unreadable' | null;

/**
 * Only the user acts through the banner. The page cannot reach into its closed shadow root,
 * but should it ever get hold of one of its elements, a scripted `.click()` or a dispatched
 * event (`isTrusted` false) neither dismisses it nor follows a link.
 */
const ignoreUntrusted = (event: Event) => {
  if (!event.isTrusted) event.preventDefault();
};

/** What is wrong with ChatGPT, since when, and where to go instead. Text only, never markup. */
export function Banner({
  service,
  alternatives,
  onDismiss,
}: {
  service: ServiceHealth;
  /** Healthy right now, best first (see rankAlternatives). */
  alternatives: readonly Alternative[];
  onDismiss: () => void;
}) {
  const [prompt, setPrompt] = useState<string | null>(null);
  const [notice, setNotice] = useState<PromptNotice>(null);
  const incident = service.incidents[0];
  const affected = service.affected.map((component) => component.name);
  const evidence = bannerEvidence(service);
  const dismiss = (event: MouseEvent) => {
    if (event.isTrusted) onDismiss();
  };

  // Reads the composer only now, on the user's click, and never sends it anywhere but the
  // clipboard and the alternative the user then picks.
  const takePrompt = async (event: MouseEvent) => {
    if (!event.isTrusted) return;
    const text = readComposer();
    if (text === undefined) return setNotice('unreadable');
    if (!text) return setNotice('empty');
    setPrompt(text);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // The prompt still travels in the alternatives' links where they accept one.
    }
    setNotice('copied');
  };

  return (
    <div class="banner" role="alert" aria-label={t('banner_label')}>
      <div class="banner__main">
        <StateDot state={service.state} />
        <div class="banner__text">
          <strong class="banner__title">{t('banner_title', service.name)}</strong>
          <span class="banner__detail">
            {service.troubleSince !== null
              ? tAt('banner_stateSince', service.troubleSince, [stateLabel(service.state)])
              : stateLabel(service.state)}
            {affected.length > 0 && ` · ${formatList(affected)}`}
          </span>
          {incident && <span class="banner__incident">{incident.title}</span>}
          {!incident && evidence.length > 0 && (
            <span class="banner__incident">{evidence.map(reasonText).join(' ')}</span>
          )}
        </div>
        <a
          class="banner__status"
          href={statusLink(incident?.url, service.statusPageUrl, BANNER_STATUS_PAGE_URL)}
          target="_blank"
          rel="noopener noreferrer"
          onClick={ignoreUntrusted}
        >
          {t('banner_statusLink')}
        </a>
        <button
          type="button"
          class="banner__close"
          onClick={dismiss}
          aria-label={t('banner_dismiss')}
          title={t('banner_dismiss')}
        >
          ×
        </button>
      </div>
      <div class="banner__alternatives">
        <span class="banner__try">{t('banner_tryInstead')}</span>
        {alternatives.map((alternative) => (
          <a
            key={alternative.id}
            class="banner__alternative"
            data-alternative={alternative.id}
            href={alternativeLink(
              prompt && alternative.fillUrl && prompt.length <= MAX_PROMPT_IN_URL
                ? alternative.fillUrl(prompt)
                : alternative.homeUrl,
              alternative.homeUrl,
              BANNER_STATUS_PAGE_URL,
            )}
            target="_blank"
            rel="noopener noreferrer"
            onClick={ignoreUntrusted}
          >
            {alternative.name}
          </a>
        ))}
        <button type="button" class="banner__take" onClick={takePrompt}>
          {t('banner_takePrompt')}
        </button>
      </div>
      {notice && (
        <p class="banner__notice" role="status">
          {t(
            notice === 'copied'
              ? 'banner_promptCopied'
              : notice === 'empty'
                ? 'banner_promptEmpty'
                : 'banner_promptUnreadable',
          )}
        </p>
      )}
    </div>
  );
}
