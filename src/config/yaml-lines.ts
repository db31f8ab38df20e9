import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/**
 * The line of the deepest part of `path` present in a parsed YAML document (a key's own line, or its parent's).
 * A path missing from the top level gets the document's first line, or none with `topLevel: 'none'`.
 */
export function lineOfPath(doc: Document, lines: LineCounter, path: readonly PropertyKey[], topLevel: 'document' | 'none' = 'document'): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = topLevel === 'document' ? (node as { range?: [number] } | null)?.range?.[0] : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? offset) : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
      offset = (node as { range?: [number] }).range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** A problem path as people read it: `commands[2]`, `matrix[0].runbooks[1]`. */
export function formatYamlPath(path: readonly PropertyKey[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`)).join('');
}
