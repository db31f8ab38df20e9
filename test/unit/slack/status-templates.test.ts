import { loadIncidentConfig } from '../../../src/config/load';
import { normalizeActions, statusSummary } from '../../../src/domain/flows/post-status-update';
import type { Incident, StatusUpdate } from '../../../src/domain/incident';
import { renderStatusText } from '../../../src/slack/blocks/status-update';
import { loadTemplates } from '../../../src/slack/templates';

const config = loadIncidentConfig('incident.config.yml');
const templates = loadTemplates();

const incident = {
  id: 7, title: 'Checkout & payments <!channel>', severity: 'SEV-1', status: 'Identified', isPrivate: false, channelId: 'C0INC',
  declaredAt: new Date('2026-11-22T03:00:00Z'), resolvedAt: null, roles: {},
} as unknown as Incident;

const update = (o: Partial<StatusUpdate> = {}): StatusUpdate => ({
  id: 1, incidentId: 7, status: 'Identified', impact: 'EU checkout fails <@U0BEN>', currentActions: 'Roll back deploy 1234\nWatch errors',
  nextUpdateMinutes: 15, audience: 'internal', postedBy: 'U0ANA', postedAt: new Date('2026-11-22T03:10:00Z'), ...o,
});

describe('the internal status template', () => {
  it('follows the seeds’ internal update: headline, status, impact, times, actions, next update', () => {
    const text = renderStatusText(templates, config, incident, update());
    expect(text.split('\n')).toEqual([
      '*INCIDENT UPDATE · SEV-1 · INC-7: Checkout &amp; payments &lt;!channel&gt;*',
      '*Status:* Identified',
      '*Impact:* EU checkout fails &lt;@U0BEN&gt;',
      '*Started:* <!date^1795316400^{date_short_pretty} {time}|2026-11-22 03:00 UTC>',
      '*Last update:* <!date^1795317000^{date_short_pretty} {time}|2026-11-22 03:10 UTC>',
      '*Current actions:*',
      '• Roll back deploy 1234',
      '• Watch errors',
      '*Next update:* <!date^1795317900^{date_short_pretty} {time}|2026-11-22 03:25 UTC> (in 15 min)',
      '_Posted by <@U0ANA>_',
    ]);
  });

  it('says when no next update is scheduled', () => {
    expect(renderStatusText(templates, config, incident, update({ nextUpdateMinutes: null }))).toContain('*Next update:* none scheduled');
  });
});

describe('the customer status template', () => {
  it('follows the seeds’ customer communication, in plain words without internal actions', () => {
    const text = renderStatusText(templates, config, incident, update({ audience: 'customer', nextUpdateMinutes: 30 }));
    expect(text).toContain('We are currently experiencing issues with Checkout &amp; payments &lt;!channel&gt;.');
    expect(text).toContain("*What's happening:* We know the cause and are working on a fix or a mitigation.");
    expect(text).toContain('*Impact:* EU checkout fails &lt;@U0BEN&gt;');
    expect(text).toContain('We will provide updates every 30 minutes until it is resolved.');
    expect(text).toContain('We apologize for any inconvenience.');
    expect(text).not.toContain('Roll back');
    expect(text).not.toMatch(/<!channel>|<@U0BEN>/);
  });

  it('promises the next update when anything changes when none is scheduled', () => {
    expect(renderStatusText(templates, config, incident, update({ audience: 'customer', nextUpdateMinutes: null }))).toContain('as soon as anything changes');
  });
});

describe('status update text helpers', () => {
  it('stores actions one per line, without bullets or blank lines', () => {
    expect(normalizeActions(' - Roll back\n\n* Watch errors\n• Page the DBA \n')).toBe('Roll back\nWatch errors\nPage the DBA');
  });

  it('summarises an update in one line for the timeline', () => {
    expect(statusSummary({ status: 'Monitoring', audience: 'customer', impact: 'Errors back to normal\nmore detail' })).toBe('Monitoring (customer update): Errors back to normal');
    expect(statusSummary({ status: 'Identified', audience: 'internal', impact: 'x'.repeat(500) })).toHaveLength('Identified (internal update): '.length + 200);
  });
});
