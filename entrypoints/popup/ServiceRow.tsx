import { StateDot } from '@/components/StateDot';
import { isTrouble } from '@/utils/health/states';
import { reasonText, stateLabel } from '@/utils/health/reason-text';
import type { ServiceHealth } from '@/utils/health/types';
import { formatClock, t } from '@/utils/i18n';

/** One product: its state, since when, why we think so, and the official incident. */
export function ServiceRow({ service }: { service: ServiceHealth }) {
  const trouble = isTrouble(service.state);
  return (
    <li class={`service service--${service.state}`}>
      <div class="service__head">
        <StateDot state={service.state} />
        <span class="service__name">{service.name}</span>
        <span class="service__state">
          {stateLabel(service.state)}
          {trouble && service.troubleSince !== null && (
            <span class="service__since">
              {' '}
              · {t('popup_since', formatClock(service.troubleSince))}
            </span>
          )}
        </span>
      </div>
      {service.state !== 'operational' && (
        <ul class="service__reasons">
          {service.reasons.map((reason, index) => (
            <li key={index}>{reasonText(reason)}</li>
          ))}
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
