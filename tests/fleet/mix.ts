// The usage mix `npm run fleet` assumes: what share of the installs is doing what at the
// busiest hour. Assumptions, not measurements: docs/SCALE.md says why each was chosen.

/** The fleet the targets speak of. */
export const INSTALLS = 1_000_000;

/** Installs whose browser runs at the busiest hour (a day's mean of 8 h, peaking at 1.5×). */
export const BROWSER_RUNNING = 0.5;

/** Of the running browsers, those with a chatgpt.com tab open. */
export const CHATGPT_TAB_OPEN = 0.5;

/** Of those tabs, the ones in use: a message sent in the last 5 minutes (the field's window). */
export const TAB_IN_USE = 0.5;

/**
 * The share of installs watching each product. The default settings watch every product of
 * the catalog until the user hides one, so the bound is everyone watching everything; a
 * product hidden by a share of the users lowers its provider's figures in proportion.
 */
export const CHOOSING = (_productId: string) => 1;
