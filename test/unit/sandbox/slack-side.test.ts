import { ACK_DEADLINE_MS, lateOrFailed, withProblems } from '../../../src/sandbox/slack-side';
import { buildAction, findElement } from '../../../src/sandbox/interactions';

describe('lateOrFailed', () => {
  it("flags an answer slower than Slack's three seconds as operation_timeout", () => {
    expect(lateOrFailed({ status: 200, body: '', elapsedMs: ACK_DEADLINE_MS + 1 })).toEqual([
      `operation_timeout: answered after ${ACK_DEADLINE_MS + 1} ms`,
    ]);
  });

  it('flags a non-200 answer and stays quiet about a prompt 200', () => {
    expect(lateOrFailed({ status: 500, body: '', elapsedMs: 5 })).toEqual(['http_error: the app answered HTTP 500']);
    expect(withProblems({ status: 200, body: '', elapsedMs: 5 }, [])).not.toHaveProperty('problems');
  });
});

describe('block action building', () => {
  const blocks = [
    { type: 'section', block_id: 's', text: { type: 'mrkdwn', text: 'x' }, accessory: { type: 'overflow', action_id: 'more', options: [{ text: { type: 'plain_text', text: 'Close' }, value: 'close' }] } },
    {
      type: 'actions', block_id: 'a',
      elements: [
        { type: 'multi_static_select', action_id: 'tags', options: ['db', 'api'].map((v) => ({ text: { type: 'plain_text', text: v }, value: v })) },
        { type: 'datepicker', action_id: 'when' },
      ],
    },
  ];

  it('finds elements in accessories and action blocks, optionally by block_id', () => {
    expect(findElement(blocks, 'more')?.blockId).toBe('s');
    expect(findElement(blocks, 'when', 'a')?.element.type).toBe('datepicker');
    expect(findElement(blocks, 'when', 's')).toBeUndefined();
  });

  it('builds the selection field each element type carries', () => {
    const ts = '1700000000.000100';
    expect(buildAction(findElement(blocks, 'more')!, { value: 'close' }, ts)).toMatchObject({ selected_option: { value: 'close' } });
    expect(buildAction(findElement(blocks, 'tags')!, { values: ['db', 'api'] }, ts)).toMatchObject({
      selected_options: [{ value: 'db' }, { value: 'api' }],
    });
    expect(buildAction(findElement(blocks, 'when')!, { value: '2024-01-31' }, ts)).toMatchObject({ selected_date: '2024-01-31' });
  });

  it('refuses an option value the menu does not offer', () => {
    expect(() => buildAction(findElement(blocks, 'more')!, { value: 'delete' }, '1.000001')).toThrow("has no option with value 'delete'");
  });
});
