import { renderBlocks } from '../../../src/sandbox/web/blocks.js';
import { chosenValues } from '../../../src/sandbox/web/elements.js';
import { renderMessage, renderModal } from '../../../src/sandbox/web/messages.js';

const ctx = {
  users: { U1: { name: 'ana', realName: 'Ana Ortiz' }, U2: { name: 'ben', realName: 'Ben Okafor' } },
  channels: { C1: 'incidents' },
  userList: [{ id: 'U1', label: 'Ana Ortiz (@ana)' }, { id: 'U2', label: 'Ben Okafor (@ben)' }],
  botName: 'incident-bot',
  timeZone: 'UTC',
};
const plain = (text: string) => ({ type: 'plain_text', text });
const option = (value: string) => ({ text: plain(value.toUpperCase()), value });

describe('the sandbox page Block Kit renderer', () => {
  it('renders a section with mrkdwn text, fields and a button accessory carrying its ids and value', () => {
    const html = renderBlocks([{
      type: 'section', block_id: 'b1', text: { type: 'mrkdwn', text: '*Severity:* SEV-1' },
      fields: [{ type: 'mrkdwn', text: '*Status*\nInvestigating' }],
      accessory: { type: 'button', action_id: 'go', text: plain('Post update'), value: 'inc-1', style: 'primary' },
    }], ctx);
    expect(html).toContain('<b>Severity:</b> SEV-1');
    expect(html).toContain('<div class="field"><b>Status</b><br>Investigating</div>');
    expect(html).toContain('<button type="button" class="btn primary" data-action-id="go" data-block-id="b1" data-type="button" data-value="inc-1">Post update</button>');
  });

  it('renders header, context, divider and image blocks, loading only http(s) images', () => {
    const html = renderBlocks([
      { type: 'header', text: plain('INC-1 · Checkout down') },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Declared by <@U1>' }] },
      { type: 'divider' },
      { type: 'image', image_url: 'https://example.com/graph.png', alt_text: 'error rate' },
      { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'bad' },
    ], ctx);
    expect(html).toContain('<h3 class="blk header">INC-1 · Checkout down</h3>');
    expect(html).toContain('<div class="blk context"><span>Declared by <span class="mention">@ana</span></span></div>');
    expect(html).toContain('<hr class="blk divider">');
    expect(html).toContain('<img class="block-img" src="https://example.com/graph.png" alt="error rate" loading="lazy">');
    expect(html).not.toContain('javascript:');
  });

  it('renders actions with a static select and a users select, the initial choice selected', () => {
    const html = renderBlocks([{
      type: 'actions', block_id: 'a1', elements: [
        { type: 'static_select', action_id: 'sev', options: [option('sev1'), option('sev2')], initial_option: option('sev2') },
        { type: 'users_select', action_id: 'who', initial_user: 'U2', placeholder: plain('Pick someone') },
      ],
    }], ctx);
    expect(html).toContain('<option value="sev2" selected>SEV2</option>');
    expect(html).toContain('data-action-id="who" data-block-id="a1" data-type="users_select"><option value="">Pick someone</option>');
    expect(html).toContain('<option value="U2" selected>Ben Okafor (@ben)</option>');
  });

  it('renders rich text sections, lists and preformatted code with their styles', () => {
    const html = renderBlocks([{
      type: 'rich_text', elements: [
        { type: 'rich_text_section', elements: [{ type: 'text', text: 'hi ', style: { bold: true } }, { type: 'user', user_id: 'U1' }] },
        { type: 'rich_text_list', style: 'bullet', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] }] },
        { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'SELECT <1>' }] },
      ],
    }], ctx);
    expect(html).toBe(
      '<div class="blk rich-text"><div><b>hi </b><span class="mention">@ana</span></div><ul><li>one</li></ul><pre class="code">SELECT &lt;1&gt;</pre></div>',
    );
  });

  it('escapes text, values and ids coming from blocks', () => {
    const html = renderBlocks([{
      type: 'actions', block_id: '"><script>', elements: [{ type: 'button', action_id: 'x', text: plain('<b>hi</b>'), value: '"onclick="x' }],
    }], ctx);
    expect(html).not.toMatch(/<script>|<b>hi|"onclick/);
  });

  it('prefers what the user already chose (view state) over the initial value', () => {
    const element = { type: 'static_select', initial_option: option('a') };
    expect(chosenValues(element)).toEqual(['a']);
    expect(chosenValues(element, { type: 'static_select', selected_option: option('b') })).toEqual(['b']);
    expect(chosenValues({ type: 'checkboxes' }, { type: 'checkboxes', selected_options: [option('x'), option('y')] })).toEqual(['x', 'y']);
  });
});

describe('the sandbox page messages and modals', () => {
  it('marks an ephemeral message as only visible to you and credits the bot', () => {
    const html = renderMessage({ ephemeral: true, ts: '1714640400.000100', text: 'Only *you* see this', user: 'U1' }, ctx);
    expect(html).toContain('class="msg ephemeral"');
    expect(html).toContain('Only visible to you');
    expect(html).toContain('<span class="author">incident-bot</span>');
    expect(html).toContain('Only <b>you</b> see this');
  });

  it('lists uploaded files with a link to their content and summarises a thread', () => {
    const html = renderMessage({
      ts: '1714640400.000200', user: 'U1', text: '', reply_count: 2,
      files: [{ id: 'F1', name: 'inc-1-postmortem.md', title: 'INC-1 postmortem', size: 120 }],
    }, ctx);
    expect(html).toContain('<a class="file" href="/sandbox/files/F1" target="_blank" rel="noopener">');
    expect(html).toContain('INC-1 postmortem');
    expect(html).toContain('data-thread="1714640400.000200">2 replies</button>');
  });

  it('renders a modal with title, close and submit, its inputs, hints and the error on the field', () => {
    const view = {
      id: 'V1', title: plain('Status update'), submit: plain('Post update'), close: plain('Cancel'),
      state: { values: { impact: { value: { type: 'plain_text_input', value: 'EU only' } } } },
      blocks: [
        { type: 'input', block_id: 'impact', label: plain('Impact'), element: { type: 'plain_text_input', action_id: 'value', multiline: true } },
        { type: 'input', block_id: 'next', label: plain('Next update in (minutes)'), optional: true, hint: plain('Minutes'),
          element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '1', initial_value: '30' } },
        { type: 'input', block_id: 'audience', label: plain('Audience'),
          element: { type: 'radio_buttons', action_id: 'value', options: [option('internal'), option('customer')], initial_option: option('internal') } },
        { type: 'input', block_id: 'when', label: plain('When'), element: { type: 'datepicker', action_id: 'value', initial_date: '2024-05-02' } },
      ],
    };
    const html = renderModal({ view, errors: { impact: 'Describe the impact.' } }, ctx);
    expect(html).toContain('data-view-id="V1"');
    expect(html).toContain('<h2>Status update</h2>');
    expect(html).toContain('<button type="submit" class="btn primary" data-modal-submit>Post update</button>');
    expect(html).toContain('<div class="blk input has-error" data-input-block="impact">');
    expect(html).toContain('<label class="label" id="label-impact">Impact</label>');
    expect(html).toContain('data-field aria-labelledby="label-impact" rows="3">EU only</textarea>');
    expect(html).toContain('<div class="field-error" role="alert">Describe the impact.</div>');
    expect(html).toContain('type="number" data-action-id="value" data-block-id="next" data-type="number_input" data-field aria-labelledby="label-next" step="1" min="1" value="30"');
    expect(html).toContain('<span class="optional">(optional)</span>');
    expect(html).toContain('<input type="radio" name="audience/value" value="internal" checked>');
    expect(html).toContain('<input type="date" data-action-id="value" data-block-id="when" data-type="datepicker" data-field aria-labelledby="label-when" value="2024-05-02">');
  });
});
