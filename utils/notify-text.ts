import { bannerEvidence } from './banner';
import { t, tAt, uiLanguage } from './i18n';
import { reasonText, stateLabel } from './health/reason-text';
import type { ServiceHealth } from './health/types';
import type { Notice } from './notify-pace';

/**
 * "47 min", "2 h 5 min" in the UI's language (Intl units: `Intl.DurationFormat` is not in
 * every browser we support yet). At least a minute: "down for 0 min" is not a sentence.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 60_000));
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: name, unitDisplay: 'short' }).format(
      value,
    );
  if (total < 60) return unit(total, 'minute');
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts =
    minutes === 0 ? [unit(hours, 'hour')] : [unit(hours, 'hour'), unit(minutes, 'minute')];
  return new Intl.ListFormat(uiLanguage(), { type: 'unit', style: 'narrow' }).format(parts);
}

/**
 * The one line that says why: the official incident's title, else the radar's own evidence
 * (the user's failing requests, our probe, a silent official page). Network text: the
 * notification shows it as plain text.
 */
export function troubleDetail(service: ServiceHealth): string | null {
  const incident = service.incidents[0]?.title?.trim();
  if (incident) return incident;
  const evidence = bannerEvidence(service)[0];
  return evidence ? reasonText(evidence) : null;
}

/** "ChatGPT: Major outage", or "…since 02:14" for one held through the quiet hours. */
export function troubleLine(notice: Notice, now: number): string {
  const { name, state } = notice.service;
  return notice.late
    ? tAt('notify_troubleSince', notice.since, [name, stateLabel(state)], now)
    : t('notify_stateTitle', [name, stateLabel(state)]);
}

/** "ChatGPT is getting worse: Major outage" / "…is improving: Degraded performance". */
export function stepLine(notice: Notice): string {
  const { name, state } = notice.service;
  return t(notice.kind === 'worse' ? 'notify_worseTitle' : 'notify_betterTitle', [
    name,
    stateLabel(state),
  ]);
}

/** How long the outage lasted: from its start to its end (or now). */
export function downFor(notice: Notice, now: number): string {
  return formatDuration((notice.endedAt ?? now) - notice.since);
}
