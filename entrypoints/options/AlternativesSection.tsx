import { useEffect, useRef, useState } from 'preact/hooks';
import { ALTERNATIVES } from '@/utils/catalog';
import type { Alternative, AlternativeKind } from '@/utils/catalog';
import { t, type MessageKey } from '@/utils/core';
import { userOrder, type Settings } from '@/utils/settings';
import type { SettingsEdit } from './types';

const KINDS: { kind: AlternativeKind; title: MessageKey }[] = [
  { kind: 'chat', title: 'options_altChat' },
  { kind: 'video', title: 'options_altVideo' },
  { kind: 'api', title: 'options_altApi' },
];

/**
 * The user's order of one kind's alternatives after moving `id` by `step`, as the new
 * `preferredAlternatives`: this kind's whole order (so it holds as shown) after the other
 * kinds' preferences, which it leaves alone.
 */
export function movedPreference(
  preferred: readonly string[],
  ordered: readonly Alternative[],
  id: string,
  step: -1 | 1,
): string[] {
  const ids = ordered.map((alternative) => alternative.id);
  const from = ids.indexOf(id);
  const to = from + step;
  if (from === -1 || to < 0 || to >= ids.length) return [...preferred];
  ids.splice(to, 0, ...ids.splice(from, 1));
  return [...preferred.filter((other) => !ids.includes(other)), ...ids];
}

/**
 * "Alternatives": for each kind of OpenAI page the banner serves, the services it offers in
 * the user's order, moved with Up/Down buttons. Focus stays on the button pressed, and the
 * new position is announced, so the list can be sorted from the keyboard alone.
 */
export function AlternativesSection({
  current,
  change,
}: {
  current: Settings;
  change: SettingsEdit;
}) {
  const [moved, setMoved] = useState<{ id: string; step: -1 | 1; text: string } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!moved) return;
    const button = list.current?.querySelector<HTMLButtonElement>(
      `[data-alternative="${moved.id}"] button[data-step="${moved.step}"]`,
    );
    // At either end the button pressed is disabled: keep focus on its twin instead.
    const twin = list.current?.querySelector<HTMLButtonElement>(
      `[data-alternative="${moved.id}"] button[data-step="${-moved.step}"]`,
    );
    (button && !button.disabled ? button : twin)?.focus();
  }, [moved, current]);

  return (
    <section aria-labelledby="alternatives-title">
      <h2 id="alternatives-title">{t('options_altTitle')}</h2>
      <p class="hint">{t('options_altHint')}</p>
      <div class="alternatives" ref={list}>
        {KINDS.map(({ kind, title }) => {
          const ordered = userOrder(
            ALTERNATIVES.filter((alternative) => alternative.kind === kind),
            current.preferredAlternatives,
            (alternative) => alternative.id,
          );
          const move = (alternative: Alternative, index: number, step: -1 | 1) => {
            setMoved({
              id: alternative.id,
              step,
              text: t('options_altMoved', [alternative.name, String(index + step + 1)]),
            });
            void change((now) => ({
              ...now,
              preferredAlternatives: movedPreference(
                now.preferredAlternatives,
                ordered,
                alternative.id,
                step,
              ),
            }));
          };
          return (
            <div class="alternatives__kind" key={kind}>
              <h3 id={`alt-${kind}`}>{t(title)}</h3>
              <ol aria-labelledby={`alt-${kind}`}>
                {ordered.map((alternative, index) => (
                  <li key={alternative.id} data-alternative={alternative.id}>
                    <span class="alternatives__rank" aria-hidden="true">
                      {index + 1}
                    </span>
                    <span class="alternatives__name">{alternative.name}</span>
                    <button
                      type="button"
                      class="icon-button"
                      data-step="-1"
                      aria-label={t('options_altUp', alternative.name)}
                      title={t('options_altUp', alternative.name)}
                      disabled={index === 0}
                      onClick={() => move(alternative, index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="icon-button"
                      data-step="1"
                      aria-label={t('options_altDown', alternative.name)}
                      title={t('options_altDown', alternative.name)}
                      disabled={index === ordered.length - 1}
                      onClick={() => move(alternative, index, 1)}
                    >
                      ↓
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      </div>
      <p class="visually-hidden" aria-live="polite">
        {moved?.text ?? ''}
      </p>
    </section>
  );
}
