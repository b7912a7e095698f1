import { it } from 'vitest';
import { replayIncidents } from './incidents';

it('replays every incident with an idle ChatGPT tab, and with none', () =>
  replayIncidents(['tab-idle', 'no-tab'], 'other'));
