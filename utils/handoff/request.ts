import { MatchPattern } from 'wxt/utils/match-patterns';
import { ALTERNATIVES } from '../catalog/alternatives';
import type { Alternative } from '../catalog/types';
import { OPENAI_SITES } from '../catalog/openai-sites';
import { PROMPT_MAX } from './plan';

/** Who sent a message, as the browser reports it (the part we read). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; index?: number; windowId?: number };
  frameId?: number;
}

const OPENAI_PAGES = OPENAI_SITES.flatMap((site) => site.matches).map((m) => new MatchPattern(m));

/**
 * Whether `sender` may make us open tabs: our banner in the top frame of an OpenAI page we
 * serve, or a page of our own extension. The page around the banner (or any other page) can
 * run script, but a message from it would come from elsewhere; this is the browser's word
 * on who sent it, not the message's.
 */
export function isTrustedSender(
  sender: MessageSender,
  extension: { id: string; base: string },
): boolean {
  if (sender.id !== extension.id || !sender.url) return false;
  // Our own pages: chrome-extension://<id>/…, moz-extension://<uuid>/… (runtime.getURL('/')).
  if (sender.url.startsWith(extension.base)) return true;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  return (
    sender.tab?.id !== undefined &&
    (sender.frameId ?? 0) === 0 &&
    OPENAI_PAGES.some((pattern) => pattern.includes(url.href))
  );
}

/** A request to open an alternative, checked: a known alternative and a prompt we carry. */
export interface OpenRequest {
  alternative: Alternative;
  prompt: string;
}

/**
 * `openAlternative`'s data, validated (it crossed a message boundary from a page's world):
 * null unless it names a known alternative and carries a string prompt of at most PROMPT_MAX
 * characters.
 */
export function readOpenRequest(
  data: unknown,
  alternatives: readonly Alternative[] = ALTERNATIVES,
): OpenRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const { alternativeId, prompt } = data as Record<string, unknown>;
  if (typeof alternativeId !== 'string' || typeof prompt !== 'string') return null;
  if (prompt.length > PROMPT_MAX) return null;
  const alternative = alternatives.find((a) => a.id === alternativeId);
  return alternative ? { alternative, prompt } : null;
}

/** The alternative with this id, if there is one (an id read from storage or a URL). */
export function alternativeById(
  id: unknown,
  alternatives: readonly Alternative[] = ALTERNATIVES,
): Alternative | undefined {
  return typeof id === 'string' ? alternatives.find((a) => a.id === id) : undefined;
}
