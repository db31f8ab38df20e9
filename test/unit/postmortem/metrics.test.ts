import { assemblePostmortem } from '../../../src/domain/postmortem/assemble';
import { RESPONSE_DEFINITION } from '../../../src/domain/postmortem/metrics';
import { ANA, at, BEN, CARA, entry, incident, input, message, update } from './fixtures';

const declared = entry('declared', 0, { actorId: ANA, text: 'INC-42 declared as SEV-2: Checkout API 5xx', data: { severity: 'SEV-2', commander: ANA } });
const promoted = entry('severity_changed', 10, { actorId: ANA, data: { from: 'SEV-2', to: 'SEV-1', reason: 'all regions' } });

describe('postmortem metrics', () => {
  it('measures from detection and declaration, counts updates and escalations', () => {
    const draft = assemblePostmortem(
      input([declared, message(4, BEN, 'looking'), promoted, entry('escalated', 40, { data: { label: 'L2 - technical lead', reason: 'unresolved', afterMinutes: 30 } })], {
        incident: incident({ detectedAt: at(-7) }),
        statusUpdates: [update(12, 'Investigating', '502s'), update(30, 'Monitoring', 'better', { audience: 'customer' }), update(62, 'Resolved', 'done')],
      }),
    );
    expect(draft.metrics.map((m) => `${m.label} | ${m.value} | ${m.note}`)).toEqual([
      'Time to declare | 7 min | detected 2025-03-14 09:51 UTC',
      'Time to first response | 4 min | 10:02 by Ben Okafor',
      'Time to first status update | 12 min | 10:10 by Ben Okafor',
      'Status updates | 2 | 1 internal, 1 for customers; plus the final one on resolve',
      'Time to mitigation | 40 min | at 2025-03-14 10:38 UTC',
      'Time to resolution | 1 h 02 min | at 2025-03-14 11:00 UTC',
      'Escalations | 1 | L2 - technical lead (10:38)',
    ]);
    expect(draft.responseDefinition).toBe(RESPONSE_DEFINITION);
  });

  it("compares the first human response with every held severity's target, ignoring the bot and other apps", () => {
    const alert = entry('message', 1, { text: 'CRITICAL', slackTs: '1.1', data: { bot: 'Alertmanager' } });
    const draft = assemblePostmortem(input([declared, alert, promoted, message(20, CARA, 'on it')]));
    expect(draft.targets).toEqual([
      { severity: 'SEV-2', target: '30 min', met: 'met (20 min)' },
      { severity: 'SEV-1', target: '15 min', met: 'missed by 5 min' },
    ]);
  });

  it('says what is missing rather than inventing it', () => {
    const draft = assemblePostmortem(
      input([entry('declared', 0, { actorId: ANA, data: { severity: 'SEV-3' } })], { incident: incident({ severity: 'SEV-3', resolvedAt: null, mitigatedAt: null, status: 'Investigating', resolution: null }) }),
    );
    expect(draft.metrics.find((m) => m.label === 'Time to declare')).toMatchObject({ value: 'not recorded' });
    expect(draft.metrics.find((m) => m.label === 'Time to first response')).toMatchObject({ value: 'none' });
    expect(draft.metrics.find((m) => m.label === 'Time to resolution')).toMatchObject({ value: 'still open', note: 'as of 2025-03-14 11:01 UTC' });
    expect(draft.targets).toEqual([{ severity: 'SEV-3', target: 'none', met: 'no target' }]);
    expect(draft.header.find((f) => f.label === 'Duration')?.value).toBe('ongoing (1 h 03 min so far, from declaration)');
    expect(draft.summary).toBe('');
  });

  it('lists severity changes and role hand-overs in the header', () => {
    const handover = entry('role_assigned', 25, { actorId: ANA, data: { role: 'commander', userId: CARA, previous: ANA } });
    const draft = assemblePostmortem(input([declared, promoted, handover], { incident: incident({ roles: { commander: CARA, comms: BEN } }) }));
    expect(draft.severityChanges).toEqual(['2025-03-14 10:08 UTC: SEV-2 → SEV-1 by Ana Ortiz: all regions']);
    expect(draft.roles).toEqual([
      { label: 'Incident commander', value: 'Ana Ortiz → Cara Lind (from 10:23)' },
      { label: 'Communications lead', value: 'Ben Okafor' },
      { label: 'Scribe', value: 'not assigned' },
    ]);
    expect(draft.participants).toBe('Ana Ortiz, Cara Lind, Ben Okafor (3)');
  });
});
