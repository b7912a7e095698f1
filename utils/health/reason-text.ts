import { formatClock, formatList, isTimedKey, t, tAt, type MessageKey } from '../core/i18n';
import type { ComponentState } from '../core/states';
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
// One argument only: callers pass it straight to `Array.map`.
export function reasonText(reason: Reason): string {
  const values = reason.substitutions ?? [];
  const last = values.at(-1);
  // A time on another day needs the sentence built around a date ("dal 3 mar alle 17:51").
  if (last?.startsWith('time:') && isTimedKey(reason.key)) {
    const time = Number(last.slice('time:'.length));
    return tAt(reason.key, time, values.slice(0, -1).map(renderSubstitution));
  }
  return t(reason.key as MessageKey, values.map(renderSubstitution));
}
