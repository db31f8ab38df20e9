import { join } from 'node:path';
import { checkRunbookLibrary } from '../../../src/runbooks/library';
import type { Runbook, RunbookStep } from '../../../src/runbooks/types';
import { validateMessageBlocks } from '../../../src/sandbox/block-kit-validate';
import { runbookMessages, runbookMessageWithStep } from '../../../src/slack/blocks/runbook-message';
import { loadMrkdwnConverter, type MrkdwnConverter } from '../../../src/slack/blocks/runbook-mrkdwn';
import { MESSAGE_LIMITS, packGroups, splitMrkdwn } from '../../../src/slack/blocks/runbook-split';

type Json = Record<string, unknown>;

// All text a message's blocks hold, which Slack caps per message (msg_blocks_too_long).
function blockChars(value: unknown): number {
  if (typeof value === 'string') return 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + blockChars(v), 0);
  if (value && typeof value === 'object') {
    return Object.entries(value as Json).reduce((n, [k, v]) => n + (k === 'text' && typeof v === 'string' ? v.length : blockChars(v)), 0);
  }
  return 0;
}

// The step numbers a message holds, from its step block ids.
function stepsIn(message: { blocks?: unknown[] }): number[] {
  return (message.blocks ?? []).flatMap((b) => {
    const m = /^rb-step-(\d+)$/.exec(String((b as Json).block_id ?? ''));
    return m ? [Number(m[1])] : [];
  });
}

function expectWithinLimits(messages: { blocks?: unknown[]; text?: string }[]): void {
  for (const m of messages) {
    expect(validateMessageBlocks(m.blocks)).toEqual([]);
    expect(m.blocks!.length).toBeLessThanOrEqual(MESSAGE_LIMITS.blocks);
    expect(blockChars(m.blocks)).toBeLessThanOrEqual(MESSAGE_LIMITS.chars);
  }
}

function syntheticRunbook(stepCount: number, bodyOf: (n: number) => string): Runbook {
  const steps: RunbookStep[] = Array.from({ length: stepCount }, (_, i) => ({
    number: i + 1,
    title: `Step number ${i + 1}`,
    body: bodyOf(i + 1),
    commands: i % 3 === 0 ? ['pg-activity', 'container-logs'] : [],
    line: i + 10,
  }));
  return { id: 'long', title: 'A very long runbook', symptoms: ['x'], severityHint: 'SEV-1', commands: ['pg-activity', 'container-logs'], intro: 'Intro **text**.', steps, file: 'runbooks/long.md' };
}

const paragraph = (n: number, chars: number) => `Step ${n} says: ${'check the thing and write it down. '.repeat(Math.ceil(chars / 35))}`.slice(0, chars);

describe('splitting runbooks into Slack messages', () => {
  let toMrkdwn: MrkdwnConverter;
  beforeAll(async () => {
    toMrkdwn = await loadMrkdwnConverter();
  });

  it('splits long text at line breaks, closing and reopening a code block cut in two', () => {
    const code = ['```', ...Array.from({ length: 40 }, (_, i) => `line ${i} ${'x'.repeat(60)}`), '```'].join('\n');
    const chunks = splitMrkdwn(`Before\n${code}\nAfter`, 1000);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1000);
      expect((chunk.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(chunks.join('\n')).toContain('line 39');
    expect(splitMrkdwn('y'.repeat(2500), 1000).every((c) => c.length <= 1000)).toBe(true);
  });

  it('packs groups in order without splitting one, and puts a group too big for any message alone', () => {
    const sizes = [{ blocks: 20, chars: 100 }, { blocks: 20, chars: 100 }, { blocks: 20, chars: 100 }, { blocks: 60, chars: 10 }, { blocks: 1, chars: 10 }];
    expect(packGroups({ blocks: 3, chars: 50 }, { blocks: 1, chars: 20 }, sizes)).toEqual([[0, 1], [2], [3], [4]]);
  });

  it('posts every shipped runbook within Block Kit limits, numbered, a Done button per step and a Run button per command', () => {
    const { library } = checkRunbookLibrary({ runbooksDir: join(__dirname, '..', '..', '..', 'runbooks'), matrix: null, commandIds: null });
    for (const runbook of library.runbooks) {
      const messages = runbookMessages({ runbook, incidentId: 7, progress: [], toMrkdwn });
      expectWithinLimits(messages);
      expect(messages.flatMap(stepsIn)).toEqual(runbook.steps.map((s) => s.number));
      const json = JSON.stringify(messages);
      for (const step of runbook.steps) {
        expect(json).toContain(`*${step.number}. ${step.title}*`);
        for (const id of step.commands) expect(json).toContain(`"action_id":"runbook_run_command:${id}"`);
      }
      expect(json.match(/"action_id":"runbook_step"/g)).toHaveLength(runbook.steps.length);
    }
  });

  it('spreads a very long runbook over several messages, each within limits, never cutting a step', () => {
    const runbook = syntheticRunbook(80, (n) => (n === 5 ? `${paragraph(n, 2000)}\n\n\`\`\`\n${'psql -c "select 1" <ok>\n'.repeat(150)}\`\`\`\n\n${paragraph(n, 1500)}` : paragraph(n, 400)));
    const messages = runbookMessages({ runbook, incidentId: 7, progress: [], toMrkdwn });
    expect(messages.length).toBeGreaterThan(3);
    expectWithinLimits(messages);
    expect(messages.flatMap(stepsIn)).toEqual(runbook.steps.map((s) => s.number));
    expect(messages[1].text).toBe(`Runbook long: A very long runbook (part 2 of ${messages.length})`);
    expect(JSON.stringify(messages[1].blocks?.[0])).toContain(`part 2 of ${messages.length}`);
  });

  it('keeps each step in the same message once steps are ticked, so a tick redraws just that message', () => {
    const runbook = syntheticRunbook(60, (n) => paragraph(n, 700));
    const at = new Date('2026-03-01T03:12:00Z');
    const ticked = runbook.steps.map((s) => ({ step: s.number, done: true, by: 'U0123456789', at }));
    const before = runbookMessages({ runbook, incidentId: 7, progress: [], toMrkdwn });
    const after = runbookMessages({ runbook, incidentId: 7, progress: ticked, toMrkdwn });
    expect(after.map(stepsIn)).toEqual(before.map(stepsIn));
    expectWithinLimits(after);
    const withStep = runbookMessageWithStep({ runbook, incidentId: 7, progress: ticked, toMrkdwn }, 42);
    expect(stepsIn(withStep!)).toContain(42);
    expect(JSON.stringify(withStep)).toContain(':white_check_mark: done by <@U0123456789> at <!date^1772334720^{time}|03:12 UTC>');
    expect(JSON.stringify(withStep)).toContain('"text":"Undo"');
  });
});
