import { useRef, useState } from 'preact/hooks';
import { StateDot } from '@/components/StateDot';
import type { Alternative, OpenAiSite } from '@/utils/catalog';
import { readComposer, BANNER_STATUS_PAGE_URL, alternativeLink, statusLink } from '@/utils/banner';
import { ownEvidence, reasonText, stateLabel } from '@/utils/health';
import type { ServiceHealth } from '@/utils/health';
import { formatList, t, tAt } from '@/utils/core';
import { carryPrompt, type PromptFate } from './carry-prompt';

/**
 * Only the user acts through the banner. The page cannot reach into its closed shadow root,
 * but should it ever get hold of one of its elements, a scripted `.click()` or a dispatched
 * event (`isTrusted` false) neither snoozes it nor follows a link.
 */
const ignoreUntrusted = (event: Event) => {
  if (!event.isTrusted) event.preventDefault();
};

const PASTE_KEYS = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
  ? '⌘V'
  : 'Ctrl+V';

function fateText(fate: PromptFate): string {
  if (fate.kind === 'unreadable') return t('banner_openedWithoutPrompt', fate.name);
  if (fate.kind === 'url') return t('banner_handoffUrl', fate.name);
  if (fate.kind === 'fill') return t('banner_handoffFill', fate.name);
  if (fate.kind === 'ask') return t('banner_handoffAsk');
  return fate.copied ? t('banner_handoffClipboard', PASTE_KEYS) : t('banner_handoffNoClipboard');
}

/**
 * What is wrong with the product this OpenAI site serves, since when, and where to go
 * instead, with the prompt the user typed. Text only, never markup.
 */
export function Banner({
  site,
  service,
  alternatives,
  onSnooze,
}: {
  site: OpenAiSite;
  service: ServiceHealth;
  /** Of the site's kind, working right now, best first (see offerAlternatives). */
  alternatives: readonly Alternative[];
  onSnooze: (length: 'hour' | 'outage') => void;
}) {
  const [fate, setFate] = useState<PromptFate | null>(null);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const snoozeToggle = useRef<HTMLButtonElement>(null);
  // Escape closes the menu and gives the focus back to its button: the focus must not fall
  // out of the banner (to the page's body) with the element that held it.
  const closeSnooze = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !event.isTrusted) return;
    setSnoozeOpen(false);
    snoozeToggle.current?.focus();
  };
  const incident = service.incidents[0];
  const affected = service.affected.map((component) => component.name);
  const evidence = ownEvidence(service);
  const snooze = (length: 'hour' | 'outage') => (event: MouseEvent) => {
    if (event.isTrusted) onSnooze(length);
  };

  // One click takes the prompt along. The composer is read only now, on the user's own click,
  // and goes nowhere but the clipboard and the worker that opens the alternative. A click with
  // a modifier, or the middle button, is the browser's: the link opens the home page.
  const open = (alternative: Alternative, home: string) => (event: MouseEvent) => {
    if (!event.isTrusted) return event.preventDefault();
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    const prompt = readComposer(site.id);
    if (prompt === undefined) return setFate({ kind: 'unreadable', name: alternative.name });
    // An empty composer: nothing to carry, the link opens the alternative as is.
    if (!prompt) return setFate(null);
    event.preventDefault();
    void carryPrompt(alternative, prompt, home).then(setFate);
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
        <div class="banner__snooze">
          <button
            ref={snoozeToggle}
            type="button"
            class="banner__snooze-toggle"
            aria-expanded={snoozeOpen}
            aria-controls="banner-snooze-choices"
            onClick={(event) => event.isTrusted && setSnoozeOpen(!snoozeOpen)}
          >
            {t('banner_snooze')}
          </button>
          {snoozeOpen && (
            <div
              id="banner-snooze-choices"
              class="banner__snooze-choices"
              role="group"
              aria-label={t('banner_snoozeMenu')}
              onKeyDown={closeSnooze}
            >
              <button type="button" class="banner__snooze-hour" onClick={snooze('hour')}>
                {t('banner_snoozeHour')}
              </button>
              <button type="button" class="banner__snooze-outage" onClick={snooze('outage')}>
                {t('banner_snoozeOutage')}
              </button>
            </div>
          )}
        </div>
      </div>
      <div class="banner__alternatives">
        <span class="banner__try">{t('banner_tryInstead')}</span>
        {alternatives.map((alternative) => {
          const home = alternativeLink(
            alternative.homeUrl,
            alternative.homeUrl,
            BANNER_STATUS_PAGE_URL,
          );
          return (
            <a
              key={alternative.id}
              class="banner__alternative"
              data-alternative={alternative.id}
              href={home}
              target="_blank"
              rel="noopener noreferrer"
              onClick={open(alternative, home)}
            >
              {alternative.name}
            </a>
          );
        })}
      </div>
      <p class="banner__notice" role="status">
        {fate ? fateText(fate) : t('banner_promptTravels')}
      </p>
    </div>
  );
}
