/**
 * The banner's links, checked again as it renders them. The incident and status links come
 * from the stored snapshot, which anything that can write `storage.local` could have changed
 * since the worker checked them on the way in; a link to an alternative carries the user's
 * prompt. Each must be https on the origin the catalog (code, not storage) trusts for it: the
 * status page's own for incident and status links, the alternative's home page's for an
 * alternative. Anything else, or anything that is not a URL, becomes the fallback.
 */

/** `url` when it is https on the same origin as `trusted` (and carries no credentials). */
export function linkOn(url: string | null | undefined, trusted: string, fallback: string): string {
  try {
    const link = new URL(url ?? '');
    const origin = new URL(trusted).origin;
    const safe =
      link.protocol === 'https:' &&
      link.origin === origin &&
      link.username === '' &&
      link.password === '';
    return safe ? link.href : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The banner's status link: the incident's page, else the stored status page, each only on
 * the catalog's status page origin; else the catalog's status page itself.
 */
export function statusLink(
  incidentUrl: string | null | undefined,
  storedStatusPageUrl: string | null | undefined,
  catalogStatusPageUrl: string,
): string {
  const fallback = linkOn(storedStatusPageUrl, catalogStatusPageUrl, catalogStatusPageUrl);
  return linkOn(incidentUrl, catalogStatusPageUrl, fallback);
}

/**
 * An alternative's link (its home page, or its prompt URL with the user's prompt), only on the
 * origin of its catalog home page; else that home page when it is https itself, else the
 * catalog's status page.
 */
export function alternativeLink(
  url: string,
  catalogHomeUrl: string,
  catalogStatusPageUrl: string,
): string {
  return linkOn(url, catalogHomeUrl, linkOn(catalogHomeUrl, catalogHomeUrl, catalogStatusPageUrl));
}
