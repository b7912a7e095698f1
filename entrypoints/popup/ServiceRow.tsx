import { useState } from 'preact/hooks';
import { StateDot } from '@/components/StateDot';
import { isTrouble, type ComponentState, t, tAt, type MessageKey } from '@/utils/core';
import { reasonText, stateLabel } from '@/utils/health';
import type { IncidentSummary, ServiceHealth } from '@/utils/health';
import { HistoryStrip, UptimeText } from './HistoryStrip';

/** "Our checks saw it 7 min before the official page", when the radar's own signals were first. */
function leadMinutes(service: ServiceHealth): number | null {
  const { radarAt, officialAt } = service.detection ?? { radarAt: null, officialAt: null };
  if (radarAt === null || officialAt === null || officialAt - radarAt < 60_000) return null;
  return Math.round((officialAt - radarAt) / 60_000);
}

/** The incident statuses status pages share, in the UI's language; others are not shown. */
const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'in_progress', 'verifying'];
function incidentStatus(incident: IncidentSummary): string | null {
  const status = incident.status.toLowerCase().replace(/\s+/g, '_');
  return INCIDENT_STATUSES.includes(status) ? t(`popup_incident_${status}` as MessageKey) : null;
}

export interface RowHistory {
  strip: (ComponentState | null)[] | null;
  uptime: number | null | undefined;
  outagesThisWeek: number;
}

/**
 * One product. Collapsed, one line: dot, name, the last 24 hours, the 7-day uptime. A product
 * in trouble opens by itself with why we think so, the official incident and how much earlier
 * our checks saw it; any other opens with Enter, Space or a click (it is a real button).
 */
export function ServiceRow({ service, history }: { service: ServiceHealth; history: RowHistory }) {
  const trouble = isTrouble(service.state);
  // Until the user chooses, a row follows its service: it opens when trouble begins.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? trouble;
  const lead = leadMinutes(service);
  const detailsId = `details-${service.id}`;
  return (
    <li class={`service service--${service.state}${open ? ' service--open' : ''}`}>
      <button
        type="button"
        class="service__head"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setChosen(!open)}
      >
        <StateDot state={service.state} />
        <span class="service__name">{service.name}</span>
        {trouble ? (
          <span class="service__state">
            {/* Each part unbroken: a line too short breaks between them, never inside one. */}
            <span class="service__state-label">{stateLabel(service.state)}</span>
            {service.troubleSince !== null && (
              <>
                {' '}
                <span class="service__since">· {tAt('popup_since', service.troubleSince)}</span>
              </>
            )}
          </span>
        ) : (
          <>
            <HistoryStrip slots={history.strip} />
            <UptimeText value={history.uptime} />
          </>
        )}
      </button>
      {open && (
        <div class="service__details" id={detailsId}>
          {trouble && (
            <div class="service__history">
              <HistoryStrip slots={history.strip} />
              <UptimeText value={history.uptime} />
            </div>
          )}
          {!trouble && <p class="service__state-line">{stateLabel(service.state)}</p>}
          <ul class="service__reasons">
            {service.reasons.map((reason, index) => (
              <li key={index}>{reasonText(reason)}</li>
            ))}
          </ul>
          {service.incidents.map((incident) => {
            const status = incidentStatus(incident);
            return (
              <p class="service__incident" key={incident.id}>
                <span class="service__incident-title">{incident.title}</span>
                {status && <span class="service__incident-status"> — {status}</span>}
                {incident.url && (
                  <>
                    {' '}
                    <a href={incident.url} target="_blank" rel="noopener noreferrer">
                      {t('popup_incidentLink')}
                    </a>
                  </>
                )}
              </p>
            );
          })}
          {(lead !== null || (trouble && history.outagesThisWeek >= 2)) && (
            <p class="service__lead">
              {[
                lead !== null ? t('popup_lead', String(lead)) : null,
                trouble && history.outagesThisWeek >= 2
                  ? t('history_outagesThisWeek', String(history.outagesThisWeek))
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
          {service.statusPageUrl && (
            <a
              class="service__status-link"
              href={service.statusPageUrl}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('popup_statusPage')}
            </a>
          )}
        </div>
      )}
    </li>
  );
}
