import { PROVIDERS } from '../catalog';
import type { ProviderDefinition } from '../catalog/types';
import { applyBadge } from '../badge';
import { bannerService } from '../banner';
import { syncBannerRegistration } from '../banner-registration';
import { settleEpisodes } from '../health/episodes';
import type { HealthSnapshot } from '../health/types';
import { providerVerdicts } from '../health/verdict';
import { appendCheck } from '../history';
import { notifyTransitions } from '../notify';
import { readFirstAnswering } from '../sources';
import { bannerDismissedFor, healthSnapshot } from '../storage';

export interface CheckOptions {
  fetch?: typeof fetch;
  now?: () => number;
  providers?: readonly ProviderDefinition[];
}

/**
 * One check: read every provider's status in parallel, turn it into verdicts, carry outage
 * episodes over from the last snapshot, store the new snapshot, then let the badge,
 * notifications, history and the ChatGPT banner follow it. Each of those catches its own failure: a broken
 * notification never loses a snapshot.
 */
export async function runCheck(options: CheckOptions = {}): Promise<HealthSnapshot> {
  const now = options.now?.() ?? Date.now();
  const previous = (await healthSnapshot.getValue())?.services ?? [];
  const verdicts = await Promise.all(
    (options.providers ?? PROVIDERS).map(async (provider) =>
      providerVerdicts(
        provider,
        await readFirstAnswering(provider.sources, { fetch: options.fetch }),
        previous,
        now,
      ),
    ),
  );
  const { services, transitions } = settleEpisodes(previous, verdicts.flat(), now);
  const snapshot: HealthSnapshot = { checkedAt: now, services };
  await healthSnapshot.setValue(snapshot);
  await Promise.all([
    applyBadge(snapshot).catch((error) => console.error('badge', error)),
    notifyTransitions(transitions, now).catch((error) => console.error('notifications', error)),
    appendCheck(snapshot).catch((error) => console.error('history', error)),
    bannerDismissedFor
      .getValue()
      .then((dismissedFor) =>
        syncBannerRegistration(bannerService(snapshot, dismissedFor) !== null),
      )
      .catch((error) => console.error('banner', error)),
  ]);
  return snapshot;
}
