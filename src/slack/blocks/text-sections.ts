import { Blocks } from 'slack-block-builder';

const SECTION_MAX = 3000;

/** Splits long mrkdwn into section blocks of at most 3,000 characters, breaking between lines. */
export function textSections(text: string): ReturnType<typeof Blocks.Section>[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const piece = line.length > SECTION_MAX ? `${line.slice(0, SECTION_MAX - 1)}…` : line;
    if (current !== '' && current.length + 1 + piece.length > SECTION_MAX) {
      chunks.push(current);
      current = piece;
    } else {
      current = current === '' ? piece : `${current}\n${piece}`;
    }
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks.map((chunk) => Blocks.Section({ text: chunk }));
}
