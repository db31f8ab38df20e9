import { Workspace } from '../../../src/sandbox/workspace';
import { escapeTyped, viewStateValues } from '../../../src/sandbox/sandbox-form';
import type { SlackView } from '../../../src/sandbox/workspace-types';

const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
const input = (blockId: string, element: Record<string, unknown>) => ({ type: 'input', block_id: blockId, label: { type: 'plain_text', text: blockId }, element: { action_id: 'value', ...element } });

function viewWith(blocks: unknown[], values: SlackView['state']['values'] = {}): SlackView {
  return { id: 'V1', blocks, state: { values } } as SlackView;
}

describe('the sandbox form fields as Slack state values', () => {
  const view = viewWith([
    { type: 'section', text: { type: 'mrkdwn', text: 'intro' } },
    input('title', { type: 'plain_text_input' }),
    input('sev', { type: 'static_select', options: [option('SEV-1'), option('SEV-2')] }),
    input('who', { type: 'users_select' }),
    input('notify', { type: 'checkboxes', options: [option('a'), option('b')] }),
    input('ended', { type: 'datetimepicker' }),
    input('minutes', { type: 'number_input', is_decimal_allowed: false }),
    input('day', { type: 'datepicker' }),
  ]);

  it('builds each element’s entry from what was entered, options as Slack sends them', () => {
    const values = viewStateValues(view, {
      title: { value: { value: 'Checkout down' } },
      sev: { value: { value: 'SEV-2' } },
      who: { value: { value: 'U1' } },
      notify: { value: { values: ['b'] } },
      ended: { value: { value: '1714640400' } },
      minutes: { value: { value: '30' } },
      day: { value: { value: '2024-05-02' } },
    });
    expect(values).toEqual({
      title: { value: { type: 'plain_text_input', value: 'Checkout down' } },
      sev: { value: { type: 'static_select', selected_option: option('SEV-2') } },
      who: { value: { type: 'users_select', selected_user: 'U1' } },
      notify: { value: { type: 'checkboxes', selected_options: [option('b')] } },
      ended: { value: { type: 'datetimepicker', selected_date_time: 1714640400 } },
      minutes: { value: { type: 'number_input', value: '30' } },
      day: { value: { type: 'datepicker', selected_date: '2024-05-02' } },
    });
  });

  it('sends null (or an empty list) for what was left blank, as Slack does', () => {
    expect(viewStateValues(view, {})).toEqual({
      title: { value: { type: 'plain_text_input', value: null } },
      sev: { value: { type: 'static_select', selected_option: null } },
      who: { value: { type: 'users_select', selected_user: null } },
      notify: { value: { type: 'checkboxes', selected_options: [] } },
      ended: { value: { type: 'datetimepicker', selected_date_time: null } },
      minutes: { value: { type: 'number_input', value: null } },
      day: { value: { type: 'datepicker', selected_date: null } },
    });
  });

  it('keeps state the view gathered from dispatched actions outside input blocks', () => {
    const kept = viewWith([input('title', { type: 'plain_text_input' })], { picker: { go: { type: 'static_select', selected_option: option('x') } } });
    expect(viewStateValues(kept, {}).picker).toEqual({ go: { type: 'static_select', selected_option: option('x') } });
  });
});

describe('typed text escaped as the Slack client sends it', () => {
  const ws = new Workspace({ id: 'T1', name: 'Sandbox', domain: 'sandbox' }, { userId: 'UBOT', botId: 'B1', appId: 'A1', name: 'incident-bot' });
  const ana = ws.addUser({ name: 'ana' }).id;
  const channel = ws.addChannel({ name: 'incidents' }).id;

  it('turns @name, #channel and @here into mentions: the command form for should_escape commands', () => {
    expect(escapeTyped(ws, 'role comms @ana in #incidents', 'command')).toBe(`role comms <@${ana}|ana> in <#${channel}|incidents>`);
    expect(escapeTyped(ws, 'thanks @ana. @here see #incidents', 'message')).toBe(`thanks <@${ana}>. <!here> see <#${channel}>`);
  });

  it('links bare URLs in messages, as the client does', () => {
    expect(escapeTyped(ws, 'graph: https://grafana.example.com/d/1?a=1&b=2.', 'message')).toBe('graph: <https://grafana.example.com/d/1?a=1&amp;b=2>.');
  });

  it('escapes &, < and > and leaves unknown names and e-mail addresses alone', () => {
    expect(escapeTyped(ws, 'a<b & @nobody ana@example.com', 'message')).toBe('a&lt;b &amp; @nobody ana@example.com');
  });
});
