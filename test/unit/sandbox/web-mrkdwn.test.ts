import { escapeHtml, formatDate, renderMrkdwn, renderPlain } from '../../../src/sandbox/web/mrkdwn.js';

const ctx = {
  users: { U1: { name: 'ana', realName: 'Ana Ortiz' } },
  channels: { C1: 'incidents' },
  timeZone: 'UTC',
  now: Date.UTC(2024, 4, 2, 12, 0, 0),
};

describe('the sandbox page mrkdwn renderer', () => {
  it('renders bold, italic, strike and inline code', () => {
    expect(renderMrkdwn('*SEV-1* is _bad_, ~fine~ `kubectl get pods`', ctx)).toBe(
      '<b>SEV-1</b> is <i>bad</i>, <s>fine</s> <code>kubectl get pods</code>',
    );
  });

  it('leaves underscores inside words and lone asterisks alone', () => {
    expect(renderMrkdwn('run db_failover_eu now, 2 * 3 = 6', ctx)).toBe('run db_failover_eu now, 2 * 3 = 6');
  });

  it('keeps code blocks verbatim, without formatting inside and with entities decoded once', () => {
    expect(renderMrkdwn('```\n*not bold* &lt;tag&gt; <https://x.test|x>\n```', ctx)).toBe('<pre class="code">*not bold* &lt;tag&gt; x\n</pre>');
  });

  it('shows user mentions by name and channel mentions as links to the channel', () => {
    expect(renderMrkdwn('<@U1> see <#C1> and <#C9|other>', ctx)).toBe(
      '<span class="mention">@ana</span> see <a href="#" class="channel-link" data-channel="C1">#incidents</a> and ' +
        '<a href="#" class="channel-link" data-channel="C9">#other</a>',
    );
  });

  it('renders links with their label and refuses other schemes than http(s) and mailto', () => {
    expect(renderMrkdwn('<https://status.example.com/x?a=1&amp;b=2|status page>', ctx)).toBe(
      '<a href="https://status.example.com/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">status page</a>',
    );
    expect(renderMrkdwn('<javascript:alert(1)|click>', ctx)).toBe('&lt;javascript:alert(1)|click&gt;');
  });

  it('renders @here and user group mentions', () => {
    expect(renderMrkdwn('<!here> <!subteam^S1|@oncall>', ctx)).toBe('<span class="mention broadcast">@here</span> <span class="mention">@oncall</span>');
  });

  it('formats <!date> tokens in the given time zone, with today and yesterday for the pretty formats', () => {
    const at = Date.UTC(2024, 4, 2, 9, 5, 0) / 1000;
    expect(renderMrkdwn(`<!date^${at}^{date_short} at {time}|fallback>`, ctx)).toBe('<time>May 2, 2024 at 9:05 AM</time>');
    expect(formatDate(at, '{date_pretty} {date_num} {date_long}', ctx)).toBe('Today 2024-05-02 Thursday, May 2nd, 2024');
    expect(formatDate(at - 86400, '{date_short_pretty} ({ago})', ctx)).toBe('Yesterday (1 day ago)');
  });

  it('turns quote lines into a blockquote and line breaks into <br>', () => {
    expect(renderMrkdwn('Impact:\n> checkout fails\n> for EU\nthat is all', ctx)).toBe(
      'Impact:<blockquote>checkout fails<br>for EU</blockquote>that is all',
    );
  });

  it('shows the emoji the bot uses', () => {
    expect(renderMrkdwn(':rotating_light: *INC-1* :unknown_one:', ctx)).toBe('🚨 <b>INC-1</b> :unknown_one:');
  });

  it('escapes HTML in text so a message cannot inject markup', () => {
    const html = renderMrkdwn('&lt;img src=x onerror=alert(1)&gt; "quoted" <@U1|<b>x</b>> <img src=x>', ctx);
    expect(html).not.toMatch(/<img|<b>x/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;');
  });

  it('escapes plain_text and attribute values', () => {
    expect(renderPlain('A &amp; B <script>\nnext')).toBe('A &amp; B &lt;script&gt;<br>next');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});
