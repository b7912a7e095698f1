import { StateDot } from '@/components/StateDot';
import { isTrouble } from '@/utils/health/states';
import { reasonText, stateLabel } from '@/utils/health/reason-text';
import type { ServiceHealth } from '@/utils/health/types';
import { t, tAt } from '@/utils/i18n';

/** "Seen 7 min before the official page", when the radar's own signals were first. */
function leadMinutes(service: ServiceHealth): number | null {
  const { radarAt, officialAt } = service.detection ?? { radarAt: null, officialAt: null };
  if (radarAt === null || officialAt === null || officialAt - radarAt < 60_000) return null;
  return Math.round((officialAt - radarAt) / 60_000);
}

/**
 * One product: its state, since when, why we think so, and the official incident. A healthy
 * one says why in one quiet line; one in trouble or unknown gives each reason its own.
 */
export function ServiceRow({ service }: { service: ServiceHealth }) {
  const trouble = isTrouble(service.state);
  const lead = leadMinutes(service);
  return (
    <li class={`service service--${service.state}`}>
      <div class="service__head">
        <StateDot state={service.state} />
        <span class="service__name">{service.name}</span>
        <span class="service__state">
          {stateLabel(service.state)}
          {trouble && service.troubleSince !== null && (
            <span class="service__since"> · {tAt('popup_since', service.troubleSince)}</span>
          )}
        </span>
      </div>
      {service.state === 'operational' && service.reasons.length > 0 && (
        <p class="service__why">{service.reasons.map(reasonText).join(' · ')}</p>
      )}
      {service.state !== 'operational' && (
        <ul class="service__reasons">
          {service.reasons.map((reason, index) => (
            <li key={index}>{reasonText(reason)}</li>
          ))}
          {trouble && service.confidence && (
            <li class="service__confidence">
              {t(`confidence_${service.confidence}`)}
              {lead !== null && ` · ${t('popup_lead', String(lead))}`}
            </li>
          )}
        </ul>
      )}
      {service.incidents.map((incident) => (
        <p class="service__incident" key={incident.id}>
          <span class="service__incident-title">{incident.title}</span>
          {incident.url && (
            <>
              {' '}
              <a href={incident.url} target="_blank" rel="noopener noreferrer">
                {t('popup_incidentLink')}
              </a>
            </>
          )}
        </p>
      ))}
      {service.state !== 'operational' && (
        <a
          class="service__status-link"
          href={service.statusPageUrl}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('popup_statusPage')}
        </a>
      )}
    </li>
  );
}
