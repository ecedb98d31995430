/**
 * Team labels as respondents typed them, tidied so that "acme support " and "Acme Support" are
 * one team. Pure. Every place that compares labels compares their {@link labelKey}.
 */

/**
 * The label as shown: Unicode-normalised (NFC), trimmed, with every run of white space
 * (including tabs, line breaks and no-break spaces) collapsed to one space.
 */
export function tidyLabel(label: string): string {
  return label.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** What labels are compared by: the tidied label in lower case ("" for no label). */
export function labelKey(label: string): string {
  return tidyLabel(label).toLowerCase();
}

/** One team label as offered in the filter: the spelling most respondents used, and how many. */
export interface LabelChoice {
  /** The comparison key ({@link labelKey}). */
  key: string;
  /** The most common tidied spelling (the first one met on a tie). */
  label: string;
  /** Respondents carrying it, whatever their spelling. */
  n: number;
}

/**
 * The distinct non-empty labels of `labels` (one per respondent), matched case-insensitively
 * after tidying. Sorted for people: case and accents do not split the list, and numbers inside
 * labels go in numeric order ("Team 2" before "Team 10").
 */
export function labelChoices(labels: Iterable<string>): LabelChoice[] {
  const groups = new Map<string, { n: number; spellings: Map<string, number> }>();
  for (const raw of labels) {
    const label = tidyLabel(raw);
    if (label === '') continue;
    const key = label.toLowerCase();
    let group = groups.get(key);
    if (group === undefined) {
      group = { n: 0, spellings: new Map() };
      groups.set(key, group);
    }
    group.n += 1;
    group.spellings.set(label, (group.spellings.get(label) ?? 0) + 1);
  }
  const collator = new Intl.Collator(undefined, { numeric: true });
  return [...groups]
    .map(([key, { n, spellings }]): LabelChoice => {
      let best = '';
      let most = 0;
      for (const [spelling, count] of spellings) {
        if (count > most) {
          best = spelling;
          most = count;
        }
      }
      return { key, label: best, n };
    })
    .sort((a, b) => collator.compare(a.label, b.label) || (a.key < b.key ? -1 : 1));
}
