import { formatClock, formatList, t, type MessageKey } from '../i18n';
import type { ComponentState } from './states';
import type { Reason } from './types';

/** The translated name of a state. */
export function stateLabel(state: ComponentState): string {
  return t(`state_${state}`);
}

function renderSubstitution(value: string): string {
  const [kind, ...rest] = value.split(':');
  const payload = rest.join(':');
  if (kind === 'state') return stateLabel(payload as ComponentState);
  if (kind === 'time') return formatClock(Number(payload));
  if (kind === 'list') return formatList(payload.split('\n'));
  return value;
}

/** A reason as a sentence in the UI's language. */
export function reasonText(reason: Reason): string {
  return t(reason.key as MessageKey, reason.substitutions?.map(renderSubstitution));
}
