import { formatDuration, messageLink, nameList, slackToMarkdown } from '../../../src/domain/postmortem/format';
import { postmortemKey } from '../../../src/domain/postmortem/key';
import { at, incident, NAMES } from './fixtures';

describe('postmortem formatting', () => {
  it('turns Slack markup into Markdown: names for mentions, plain channels, Markdown links, entities kept', () => {
    const text = 'ask <@U0BEN> in <#C0OPS|ops> <!here> see <https://grafana.acme.io/d/1|dash> or <https://x.io> &lt;b&gt; <@U0NOBODY>';
    expect(slackToMarkdown(text, NAMES)).toBe('ask @Ben Okafor in #ops @here see [dash](https://grafana.acme.io/d/1) or <https://x.io> &lt;b&gt; @U0NOBODY');
  });

  it('reads durations at a glance', () => {
    expect([0, 59_000, 60_000, 45 * 60_000, 125 * 60_000, 27 * 3_600_000].map(formatDuration)).toEqual(['under 1 min', 'under 1 min', '1 min', '45 min', '2 h 05 min', '1 d 3 h']);
  });

  it("builds Slack's permalinks without an API call, with the thread for a reply", () => {
    expect(messageLink('https://acme.slack.com/archives/', 'C1', '1741946400.000200')).toBe('https://acme.slack.com/archives/C1/p1741946400000200');
    expect(messageLink('https://acme.slack.com/archives', 'C1', '1741946460.000300', '1741946400.000200')).toBe(
      'https://acme.slack.com/archives/C1/p1741946460000300?thread_ts=1741946400.000200&cid=C1',
    );
    expect(messageLink(null, 'C1', '1.2')).toBeNull();
  });

  it('lists a few names and counts the rest', () => {
    expect(nameList(['Ana'])).toBe('Ana');
    expect(nameList(['Ana', 'Ben'])).toBe('Ana and Ben');
    expect(nameList(['Ana', 'Ben', 'Cara', 'Dev', 'Eli'])).toBe('Ana, Ben, Cara and 2 others');
  });

  it('names the stored file by day, number and title, with the version from the second on', () => {
    expect(postmortemKey(incident(), 1)).toBe('postmortems/2025-03-14-inc-42-checkout-api-5xx.md');
    expect(postmortemKey(incident({ title: '!!!', declaredAt: at(24 * 60) }), 2)).toBe('postmortems/2025-03-15-inc-42-incident-v2.md');
  });
});
