import { defineBackground } from 'wxt/utils/define-background';
import { registerBannerHandlers } from '@/utils/banner/background';
import { registerRadar } from '@/utils/check/background';
import { registerHandoff } from '@/utils/handoff/background';
import { registerConnectivityWatch } from '@/utils/health/background';
import { registerHistoryPruning } from '@/utils/history/background';
import { registerNotificationActions } from '@/utils/notify/background';
import { registerSettingsHandlers } from '@/utils/settings/background';

// Every listener is registered synchronously here, so an event that wakes the worker is
// delivered; each feature's background.ts says what its listeners do.
export default defineBackground(() => {
  const radar = registerRadar();
  registerSettingsHandlers(radar);
  registerConnectivityWatch(radar);
  registerNotificationActions();
  registerHandoff();
  registerBannerHandlers();
  registerHistoryPruning();
});
