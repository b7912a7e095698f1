import { STATE_COLORS, type ComponentState } from '@/utils/core';
import { stateLabel } from '@/utils/health';

/**
 * A coloured dot for a state, with its name for screen readers. Shapes differ as well as
 * colours (ring for unknown, dash for maintenance) so the state reads without colour vision.
 * Its colour is the states' one palette (STATE_COLORS), set on the element.
 */
export function StateDot({ state }: { state: ComponentState }) {
  return (
    <span
      class={`state-dot state-dot--${state}`}
      style={{ '--state': STATE_COLORS[state] }}
      role="img"
      aria-label={stateLabel(state)}
    />
  );
}
