import type { Alternative } from '@/utils/catalog';
import { sendMessage } from '@/utils/messaging';
import type { HandoffOutcome } from '@/utils/handoff';

/** What became of the prompt when the user opened an alternative: the banner says it. */
export type PromptFate =
  | { kind: HandoffOutcome; name: string; copied: boolean }
  /** The composer could not be found: the alternative opened as is. */
  | { kind: 'unreadable'; name: string };

const OUTCOMES: readonly string[] = ['url', 'fill', 'ask', 'clipboard'];

/**
 * Takes the prompt the user typed to an alternative, on their click. The click has been
 * checked as the user's own; this runs inside it, so the clipboard write starts before any
 * await (browsers allow it only during the gesture). The worker opens the alternative and
 * answers how the prompt travelled (utils/messaging.ts, HandoffOutcome). A worker that cannot
 * answer (not there, or asleep past waking) must not strand the user: the banner then opens
 * the home page itself, the prompt being on the clipboard. `homeLink` is that page, already
 * checked (banner-links.ts); the prompt never goes into a link.
 */
export async function carryPrompt(
  alternative: Alternative,
  prompt: string,
  homeLink: string,
): Promise<PromptFate> {
  const copied = navigator.clipboard.writeText(prompt).then(
    () => true,
    () => false,
  );
  let outcome: unknown;
  try {
    outcome = await sendMessage('openAlternative', { alternativeId: alternative.id, prompt });
  } catch {
    outcome = undefined;
  }
  if (typeof outcome !== 'string' || !OUTCOMES.includes(outcome)) {
    window.open(homeLink, '_blank', 'noopener,noreferrer');
    outcome = 'clipboard';
  }
  return { kind: outcome as HandoffOutcome, name: alternative.name, copied: await copied };
}
