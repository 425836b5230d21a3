/** Picks `count` distinct word positions (0-based, sorted) for the "confirm your phrase" step. */
export function pickConfirmPositions(wordCount: number, count: number, random: () => number = Math.random): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, wordCount)) picked.add(Math.floor(random() * wordCount));
  return [...picked].sort((a, b) => a - b);
}
