import { editDistance } from '../text/edit-distance';

/** The `limit` ids closest to what someone typed: those containing it first, then by edit distance. */
export function closestIds(typed: string, ids: readonly string[], limit = 3): string[] {
  const word = typed.trim().toLowerCase();
  const score = (id: string) => (word !== '' && (id.includes(word) || word.includes(id)) ? -1 : editDistance(word, id));
  return [...ids]
    .map((id) => ({ id, score: score(id) }))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((s) => s.id);
}
