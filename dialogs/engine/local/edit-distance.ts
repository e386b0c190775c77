/**
 * Damerau-Levenshtein distance (optimal string alignment): a swapped pair of letters ("chnage")
 * costs one edit, as it does for the thumbs that typed it.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // The (a.length + 1) × (b.length + 1) table, row by row in one reused buffer: this runs for
  // every catalog word against every word of every message.
  const width = b.length + 1;
  const d = table((a.length + 1) * width);
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 1; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = i * width;
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[row - width + j] + 1, d[row + j - 1] + 1, d[row - width + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[row - 2 * width + j - 2] + 1);
      d[row + j] = best;
      rowMin = Math.min(rowMin, best);
    }
    // Stop early once every alignment is already over the limit.
    if (rowMin > limit) return limit + 1;
  }
  return d[a.length * width + b.length];
}

/** Words are short: their tables fit the one kept; a longer text gets a table of its own. */
const kept = new Float64Array(4096);

function table(cells: number): Float64Array {
  return cells <= kept.length ? kept : new Float64Array(cells);
}

/**
 * Typos tolerated in a word of this length: none in short words, where one edit turns "hora"
 * into "ahora" or "oil" into "oij"; one up to eight letters; two beyond.
 */
export function typoAllowance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}
