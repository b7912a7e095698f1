import { ownEvidence } from '../health/evidence';
import { formatDuration, t, tAt } from '../core/i18n';
import { reasonText, stateLabel } from '../health/reason-text';
import type { ServiceHealth } from '../health/types';
import type { Notice } from './pace';

/**
 * The one line that says why: the official incident's title, else the radar's own evidence
 * (the user's failing requests, our probe, a silent official page). Network text: the
 * notification shows it as plain text.
 */
export function troubleDetail(service: ServiceHealth): string | null {
  const incident = service.incidents[0]?.title?.trim();
  if (incident) return incident;
  const evidence = ownEvidence(service)[0];
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
