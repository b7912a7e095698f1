import type { Settings } from '@/utils/settings';

/** Saves one edit of the settings (see useSettings). */
export type SettingsEdit = (edit: (current: Settings) => Settings) => Promise<void>;
