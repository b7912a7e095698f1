/**
 * Puts the banner's host back when the site's app takes it out. Single-page apps replace
 * what is under <body> (or <body> itself) when they change route or re-render: the banner
 * must outlive that. Only the two levels it lives in are watched (children of <html> and of
 * the current <body>), not the whole tree: the site mutates its deeper DOM all the time.
 * The host is re-appended as is, its shadow root and state intact. Returns the stop.
 */
export function keepInPage(host: HTMLElement): () => void {
  let body: HTMLElement | null = null;
  const observer = new MutationObserver(() => {
    const current = document.body ?? document.documentElement;
    if (!host.isConnected || host.parentNode !== current) current.append(host);
    watchBody();
  });
  const watchBody = () => {
    if (document.body === body) return;
    body = document.body;
    observer.disconnect();
    observer.observe(document.documentElement, { childList: true });
    if (body) observer.observe(body, { childList: true });
  };
  watchBody();
  return () => observer.disconnect();
}
