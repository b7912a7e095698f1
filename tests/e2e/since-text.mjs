// "since 17:51" when the trouble began today, "since Mar 3, 17:51" when it began on another
// day (utils/core/i18n.ts, tAt): a run just after midnight sees the second for an outage the
// fixtures started an hour ago, so tests accept both.
export const SINCE_EN = /since\s(?:[A-Z][a-z]{2}\s\d{1,2},\s)?\d{1,2}:\d{2}/;
export const SINCE_IT = /(?:dalle|dal\s\d{1,2}\s[a-z]{3}\salle)\s\d{1,2}:\d{2}/;
