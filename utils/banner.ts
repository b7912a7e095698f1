import { CHATGPT_ID } from './catalog';
import { isTrouble } from './health/states';
import type { HealthSnapshot, ServiceHealth } from './health/types';

/** The ChatGPT verdict the banner should show, or null when it should not show. */
export function bannerService(
  snapshot: HealthSnapshot | null,
  dismissedFor: number | null,
): ServiceHealth | null {
  const chatgpt = snapshot?.services.find((service) => service.id === CHATGPT_ID);
  if (!chatgpt || !isTrouble(chatgpt.state)) return null;
  if (chatgpt.troubleSince !== null && chatgpt.troubleSince === dismissedFor) return null;
  return chatgpt;
}
