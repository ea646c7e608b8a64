/**
 * The tags Tag Passage offers, and the list as the user types: plain data for the quick pick.
 */

export interface TagChoice {
  readonly name: string;
  readonly description?: string;
}

/**
 * The tags to offer: the configured ones first, in their order, then the others used in the
 * workspace, sorted; then tags the annotation has that are neither.
 */
export function tagChoices(configured: readonly TagChoice[], used: Iterable<string>, selected: readonly string[] = []): TagChoice[] {
  const out: TagChoice[] = configured.map((t) => ({ name: t.name, ...(t.description ? { description: t.description } : {}) }));
  for (const t of [...new Set(used)].sort()) if (!configured.some((c) => c.name === t)) out.push({ name: t });
  for (const t of selected) if (!out.some((k) => k.name === t)) out.push({ name: t });
  return out;
}

/** A row of the tag quick pick. */
export interface TagItem {
  readonly label: string;
  readonly description?: string;
  readonly alwaysShow?: boolean;
}

/**
 * The rows while the user types `value`: what they type as a new tag on top (unless it is offered
 * already), new tags typed before that are still selected, then the offered ones.
 */
export function typedTagItems(value: string, offered: readonly TagItem[], selected: readonly TagItem[], newLabel: string): TagItem[] {
  const v = value.trim();
  const extra = v && !offered.some((i) => i.label === v) ? [{ label: v, description: newLabel, alwaysShow: true }] : [];
  const added = selected.filter((i) => i.description === newLabel && i.label !== v);
  return [...extra, ...added, ...offered];
}

/** The tags chosen when the quick pick is accepted: those selected, else what was typed. */
export function acceptedTags(selected: readonly TagItem[], value: string): string[] {
  const chosen = selected.map((i) => i.label);
  const typed = value.trim();
  if (chosen.length === 0 && typed) chosen.push(typed);
  return chosen;
}
