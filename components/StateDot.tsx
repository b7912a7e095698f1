import type { ComponentState } from '@/utils/core/states';
import { stateLabel } from '@/utils/health/reason-text';

/**
 * A coloured dot for a state, with its name for screen readers. Shapes differ as well as
 * colours (ring for unknown, dash for maintenance) so the state reads without colour vision.
 */
export function StateDot({ state }: { state: ComponentState }) {
  return <span class={`state-dot state-dot--${state}`} role="img" aria-label={stateLabel(state)} />;
}
