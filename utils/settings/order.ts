/**
 * Items ordered for this user: those whose id is in `first` come first, in that order; the
 * rest keep their order. Used for "my tools first" and "my preferred alternatives first".
 */
export function userOrder<T>(
  items: readonly T[],
  first: readonly string[],
  idOf: (item: T) => string,
): T[] {
  const rank = (item: T) => {
    const index = first.indexOf(idOf(item));
    return index === -1 ? first.length : index;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** `list` with `id` in it or not, the others in their order: a checkbox over an id list. */
export function withMember(list: readonly string[], id: string, member: boolean): string[] {
  const others = list.filter((item) => item !== id);
  return member ? [...others, id] : others;
}
