import { assemblePostmortem } from '../../../src/domain/postmortem/assemble';
import { loadTemplates } from '../../../src/slack/templates';
import { ANA, BEN, entry, input, message, update } from './fixtures';

const templates = loadTemplates();

describe('the shipped postmortem template', () => {
  const draft = assemblePostmortem(
    input([entry('declared', 0, { actorId: ANA, text: 'INC-42 declared as SEV-1: Checkout API 5xx', data: { severity: 'SEV-1' } }), message(2, BEN, 'pool=5', { highlighted: true })], {
      statusUpdates: [update(5, 'Investigating', '502s'), update(9, 'Identified', '502s'), update(40, 'Monitoring', 'back to normal')],
    }),
  );
  const markdown = templates.postmortem(draft);
  const lines = markdown.split('\n');

  it("has the seeds' review sections, in order, with the ones for people marked", () => {
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## Summary', '## Impact', '## Metrics', '## Timeline', '## Triage and runbooks', '## Commands run', '## Root cause',
      '## Contributing factors', '## What went well', '## What went badly', '## Where we got lucky', '## Action items',
      '## Runbook updates needed', '## Appendix',
    ]);
    for (const heading of ['## Contributing factors', '## What went well', '## What went badly', '## Where we got lucky']) {
      expect(lines[lines.indexOf(heading) + 2]).toMatch(/^✍️/);
    }
  });

  it('prints the header, the timeline and the impact as the updates told it, without gaps or leftovers', () => {
    expect(lines[0]).toBe('# INC-42: Checkout API 5xx');
    expect(lines).toContain('- **Severity:** SEV-1 (Critical)');
    expect(lines).toContain('- `09:58` **Ana Ortiz**: INC-42 declared as SEV-1: Checkout API 5xx');
    expect(lines.find((l) => l.startsWith('- `10:00` 📌 **Ben Okafor**: pool=5 ([Slack](https://acme.slack.com/archives/C0INC/p'))).toBeDefined();
    expect(lines.filter((l) => l.startsWith('- `10:') && / (Investigating|Identified|Monitoring): /.test(l))).toEqual([
      '- `10:03` Investigating: 502s',
      '- `10:38` Monitoring: back to normal',
    ]);
    expect(markdown).not.toMatch(/undefined|\[object Object\]|\n\n\n/);
  });
});
