import { parseCommandText } from '../../../src/slack/commands/parse';

describe('parseCommandText', () => {
  it('treats empty text as help', () => {
    expect(parseCommandText('   ')).toEqual({ name: 'help', args: [], rest: '' });
  });

  it('lowercases the subcommand and keeps the rest as typed', () => {
    expect(parseCommandText('  DECLARE sev2   Checkout API 5xx ')).toEqual({
      name: 'declare',
      args: ['sev2', 'Checkout', 'API', '5xx'],
      rest: 'sev2   Checkout API 5xx',
    });
  });

  it('turns the entities Slack sends back into the characters people typed', () => {
    expect(parseCommandText('declare A &lt;b&gt; &amp; y').rest).toBe('A <b> & y');
  });

  it('keeps newlines inside the rest', () => {
    expect(parseCommandText('note line one\nline two').rest).toBe('line one\nline two');
  });
});
