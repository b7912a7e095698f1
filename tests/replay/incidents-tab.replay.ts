import { it } from 'vitest';
import { replayIncidents } from './incidents';

it('replays every incident with a ChatGPT tab in use', () =>
  replayIncidents(['tab-in-use'], 'tab-in-use'));
