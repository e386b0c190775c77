/**
 * Damerau-Levenshtein distance (optimal string alignment): a swapped pair of letters ("chnage")
 * costs one edit, as it does for the thumbs that typed it.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
      rowMin = Math.min(rowMin, best);
    }
    // Stop early once every alignment is already over the limit.
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
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
