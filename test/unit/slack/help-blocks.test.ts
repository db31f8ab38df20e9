import { helpMessage } from '../../../src/slack/blocks/help';
import { SUBCOMMANDS } from '../../../src/slack/commands/catalog';

const textOf = (message: ReturnType<typeof helpMessage>) => JSON.stringify(message.blocks);

describe('helpMessage', () => {
  it('lists every subcommand with its usage', () => {
    const text = textOf(helpMessage());
    for (const s of SUBCOMMANDS) expect(text).toContain(s.usage);
  });

  it('names the unknown subcommand, escaped so it cannot ping or link', () => {
    const message = helpMessage('<!channel>');
    expect(message.text).toContain('unknown subcommand &lt;!channel&gt;');
    expect(textOf(message)).toContain('&lt;!channel&gt;');
    expect(textOf(message)).not.toContain('<!channel>');
  });

  it('keeps every section under Slack’s 3,000-character limit', () => {
    for (const block of helpMessage('x'.repeat(5000)).blocks ?? []) {
      const text = (block as { text?: { text: string } }).text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
    }
  });
});
