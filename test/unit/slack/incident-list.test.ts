import { bySeverityThenAge } from '../../../src/domain/flows/list-open-incidents';
import type { Incident } from '../../../src/domain/incident';
import { validateMessageBlocks } from '../../../src/sandbox';
import { formatAge, incidentListEntry, incidentListMessage, LIST_MAX } from '../../../src/slack/blocks/incident-list';

const now = new Date('2026-11-22T16:10:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

function incident(o: Partial<Incident> = {}): Incident {
  return {
    id: 3, title: 'Checkout API 5xx', description: null, severity: 'SEV-1', status: 'Investigating', isPrivate: false, symptom: null,
    channelId: 'C0INC', channelName: 'inc-20261122-checkout-api-5xx', headerTs: null, announcementChannelId: null, announcementTs: null,
    declaredBy: 'U1', declaredAt: minutesAgo(125), detectedAt: null, mitigatedAt: null, resolvedAt: null, resolution: null,
    roles: { commander: 'U1' }, ...o,
  };
}

describe('formatAge', () => {
  it('says durations the way people read them at a glance', () => {
    expect(formatAge(20_000)).toBe('under a minute');
    expect(formatAge(45 * 60_000)).toBe('45 min');
    expect(formatAge(125 * 60_000)).toBe('2 h 5 min');
    expect(formatAge(120 * 60_000)).toBe('2 h');
    expect(formatAge((3 * 24 + 4) * 3_600_000)).toBe('3 d 4 h');
  });
});

describe('bySeverityThenAge', () => {
  it("orders by the config's ladder, most severe first, then oldest first; unknown levels go last", () => {
    const ladder = ['SEV-1', 'SEV-2', 'SEV-3'];
    const sorted = bySeverityThenAge(ladder, [
      incident({ id: 1, severity: 'SEV-3', declaredAt: minutesAgo(300) }),
      incident({ id: 2, severity: 'SEV-1', declaredAt: minutesAgo(10) }),
      incident({ id: 3, severity: 'P9', declaredAt: minutesAgo(900) }),
      incident({ id: 4, severity: 'SEV-1', declaredAt: minutesAgo(60) }),
    ]);
    expect(sorted.map((i) => i.id)).toEqual([4, 2, 1, 3]);
  });
});

describe('incidentListEntry', () => {
  it('shows number, severity, title, age, commander, last update and channel', () => {
    const line = incidentListEntry({ incident: incident(), lastUpdateAt: minutesAgo(35) }, now);
    expect(line).toBe('*INC-3* · SEV-1 · Checkout API 5xx\nopen 2 h 5 min · commander <@U1> · last update 15:35 UTC (35 min ago) · <#C0INC>');
  });

  it('says when no update went out yet, and escapes the title', () => {
    const line = incidentListEntry({ incident: incident({ title: '<!channel> down' }), lastUpdateAt: null }, now);
    expect(line).toContain('no update yet');
    expect(line).toContain('&lt;!channel&gt; down');
  });

  it('shows a private incident without its title or channel', () => {
    const line = incidentListEntry({ incident: incident({ isPrivate: true, title: 'Secret breach' }), lastUpdateAt: null }, now);
    expect(line).toBe('*INC-3 (private)* · SEV-1\nopen 2 h 5 min');
  });
});

describe('incidentListMessage', () => {
  it('says there is nothing open and how to declare', () => {
    const message = incidentListMessage([], now);
    expect(message.text).toContain('No open incidents');
    expect(message.text).toContain('/incident declare');
  });

  it('stays within Block Kit limits however many incidents are open', () => {
    const open = Array.from({ length: 60 }, (_, i) => ({ incident: incident({ id: i + 1, title: 'x'.repeat(200) }), lastUpdateAt: null }));
    const message = incidentListMessage(open, now);
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain(`${60 - LIST_MAX} more not shown`);
  });
});
