import type { ProviderDefinition } from '../catalog/types';
import { applyBadge } from '../badge/badge';
import { syncBanners } from '../banner/registration';
import { computeSnapshot } from '../health/snapshot';
import type { HealthSnapshot } from '../health/types';
import { appendCheck, recordDetections } from '../history/store';
import { notificationsFor, showNotification } from '../notify/notifications';
import { rememberButtons } from '../notify/buttons';
import { paceNotifications } from '../notify/pace';
import { readSettings } from '../settings/settings';
import { inQuietHours } from '../settings/quiet-hours';
import type { Transition } from '../health/episodes';
import { fieldEvents } from '../field/store';
import { healthSnapshot } from '../health/store';
import { notificationLog } from '../notify/store';
import { probeLog } from '../probes/store';
import { sourceReads } from '../sources/store';

/**
 * Computes the snapshot from everything stored and publishes it: storage first, then the
 * badge, notifications, history and the ChatGPT banner follow. Each of those catches its
 * own failure: a broken notification never loses a snapshot.
 */
export async function publishSnapshot(
  providers: readonly ProviderDefinition[],
  now: number,
): Promise<HealthSnapshot> {
  const [reads, probes, events, previous] = await Promise.all([
    sourceReads.getValue(),
    probeLog.getValue(),
    fieldEvents.getValue(),
    healthSnapshot.getValue(),
  ]);
  const { snapshot, transitions } = computeSnapshot(
    providers,
    { reads, probes, fieldEvents: events, previous: previous?.services ?? [] },
    now,
  );
  await healthSnapshot.setValue(snapshot);
  await Promise.all([
    applyBadge(snapshot).catch((error) => console.error('badge', error)),
    notifyPaced(transitions, snapshot, now).catch((error) => console.error('notifications', error)),
    appendCheck(snapshot).catch((error) => console.error('history', error)),
    recordDetections(snapshot).catch((error) => console.error('history', error)),
    syncBanners(snapshot, now).catch((error) => console.error('banner', error)),
  ]);
  return snapshot;
}

/**
 * Raises the notifications for a check's transitions: paced (flaps, steps), muted services
 * and quiet hours held back (notify-pace.ts), grouped (notify.ts). The log is written before
 * anything shows, so a worker that dies half-way never repeats a notification.
 */
async function notifyPaced(
  transitions: readonly Transition[],
  snapshot: HealthSnapshot,
  now: number,
): Promise<void> {
  const [before, settings] = await Promise.all([notificationLog.getValue(), readSettings()]);
  const paced = paceNotifications(transitions, snapshot.services, before, now, {
    quiet: inQuietHours(settings.quietHours, new Date(now)),
    // Hidden services are never notified either (utils/settings/settings.ts).
    muted: new Set([...settings.mutedServices, ...settings.hiddenServices]),
  });
  await notificationLog.setValue(paced.log);
  for (const notification of notificationsFor(paced.notices, now, snapshot.services, settings)) {
    await rememberButtons(notification);
    await showNotification(notification);
  }
}
