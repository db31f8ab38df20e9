import { loadMrkdwnConverter, unwrapLines, type MrkdwnConverter } from '../../../src/slack/blocks/runbook-mrkdwn';

describe('runbook Markdown to Slack mrkdwn', () => {
  let toMrkdwn: MrkdwnConverter;
  beforeAll(async () => {
    toMrkdwn = await loadMrkdwnConverter();
  });

  it('converts emphasis, headings, lists and links to what Slack shows', () => {
    const out = toMrkdwn('### Check\n\n**Bold** and _it_ and [the dashboard](https://grafana.example.com/d/api)\n\n- one\n- two\n\n1. first\n2. second');
    expect(out).toContain('*Check*');
    expect(out).toMatch(/\*Bold\*/);
    expect(out).toMatch(/_it_/);
    expect(out).toContain('<https://grafana.example.com/d/api|the dashboard>');
    expect(out).toContain('•   one\n•   two');
    expect(out).toContain('1.  first\n2.  second');
  });

  it('joins the lines of a wrapped paragraph but keeps list items, quotes, code and hard breaks apart', () => {
    expect(unwrapLines('one\ntwo\n\n- a\n  still a\n- b\n\n```\nx\ny\n```\n> q1\n> q2\n\nbreak  \nhere')).toBe('one two\n\n- a still a\n- b\n\n```\nx\ny\n```\n> q1\n> q2\n\nbreak  \nhere');
    expect(toMrkdwn('A sentence wrapped\nat the margin.')).toBe('A sentence wrapped at the margin.');
    expect(toMrkdwn('line  \nnext')).toBe('line\nnext');
  });

  it('never pages a crowd: <!channel>, <!here> and <!subteam^…> stay text, while people and channel mentions work', () => {
    const out = toMrkdwn('Tell <!channel> and <!subteam^S123> but ask <@U0123ABCD> in <#C0123ABCD>');
    expect(out).not.toContain('<!');
    expect(out).toContain('Tell &lt;!channel');
    expect(out).toContain('&lt;!subteam^S123');
    expect(out).toContain('ask <@U0123ABCD> in <#C0123ABCD>');
  });

  it('escapes &, < and > inside code so Slack shows commands as written', () => {
    expect(toMrkdwn('Run `psql -c "select 1" && echo <ok>`')).toBe('Run `psql -c "select 1" &amp;&amp; echo &lt;ok&gt;`');
    expect(toMrkdwn('```bash\nssh deploy@<REGION_IP> <!here>\n```')).toBe('```\nssh deploy@&lt;REGION_IP&gt; &lt;!here&gt;\n```');
  });
});
