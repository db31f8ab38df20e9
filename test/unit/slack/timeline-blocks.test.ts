import { isActionNote } from '../../../src/domain/flows/add-note';
import type { Incident } from '../../../src/domain/incident';
import type { TimelineEntry } from '../../../src/domain/timeline';
import { validateMessageBlocks } from '../../../src/sandbox';
import { ENTRY_TEXT_MAX, noteMessage, timelineLine, timelineMessage } from '../../../src/slack/blocks/timeline';

const incident = { id: 7, title: 'Checkout <!channel> 5xx' } as Incident;

let nextId = 1;
function entry(o: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: nextId++, incidentId: 7, kind: 'message', occurredAt: new Date('2026-11-22T14:05:09Z'), actorId: 'U1', text: 'db-1 is down',
    slackTs: null, threadTs: null, originalText: null, editedAt: null, deletedAt: null, highlighted: false, data: {}, ...o,
  };
}
const textOf = (blocks: unknown) => JSON.stringify(blocks);

describe('timelineLine', () => {
  it('shows the UTC time, the kind, the author and the text', () => {
    expect(timelineLine(entry())).toBe('`14:05` :speech_balloon: <@U1> db-1 is down');
    expect(timelineLine(entry({ kind: 'reply' }))).toContain(':leftwards_arrow_with_hook:');
    expect(timelineLine(entry({ kind: 'note', data: { action: true } }))).toContain(':ballot_box_with_check:');
  });

  it('marks highlights, edits and deletions', () => {
    expect(timelineLine(entry({ highlighted: true }))).toBe('`14:05` :pushpin: :speech_balloon: <@U1> db-1 is down');
    expect(timelineLine(entry({ editedAt: new Date() }))).toMatch(/db-1 is down _\(edited\)_$/);
    expect(timelineLine(entry({ deletedAt: new Date() }))).toMatch(/~db-1 is down~ _\(deleted\)_$/);
  });

  it('escapes what people typed so a replayed message cannot ping anyone', () => {
    const line = timelineLine(entry({ text: '<!channel> look & see' }));
    expect(line).toContain('&lt;!channel&gt; look &amp; see');
    expect(line).not.toContain('<!channel>');
  });

  it('keeps long messages to one shortened line', () => {
    const line = timelineLine(entry({ text: `first\nsecond ${'x'.repeat(1000)}` }));
    expect(line).not.toContain('\n');
    expect(line).toContain('first second');
    expect(line.length).toBeLessThan(ENTRY_TEXT_MAX + 60);
  });

  it("names another app when there is no user, and lists a file share's files", () => {
    expect(timelineLine(entry({ actorId: null, data: { bot: 'PagerBot' } }))).toContain('*PagerBot*');
    expect(timelineLine(entry({ text: '', data: { files: ['heap.hprof'] } }))).toContain(':paperclip: heap.hprof');
  });
});

describe('timelineMessage', () => {
  it('heads the list with the incident, escaped, and dates each new day', () => {
    const message = timelineMessage(incident, [entry(), entry({ occurredAt: new Date('2026-11-23T00:10:00Z') })], 20);
    const text = textOf(message.blocks);
    expect(text).toContain('*Timeline of INC-7* · Checkout &lt;!channel&gt; 5xx');
    expect(text).toContain('*2026-11-22*');
    expect(text).toContain('*2026-11-23*');
    expect(text).toContain('All 2 entries');
  });

  it('stays within Block Kit limits for twenty long entries full of characters that need escaping', () => {
    const entries = Array.from({ length: 20 }, () => entry({ text: '<&>'.repeat(2000), highlighted: true, editedAt: new Date() }));
    const message = timelineMessage(incident, entries, 20);
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    expect(textOf(message.blocks)).toContain('Latest 20 entries');
  });

  it('says so when there is nothing yet', () => {
    expect(textOf(timelineMessage(incident, [], 20).blocks)).toContain('Nothing on the timeline yet');
  });
});

describe('notes', () => {
  it('shows a note in the channel with its author, escaped', () => {
    const message = noteMessage({ text: 'paged <!here> & DBA', authorId: 'U1', isAction: false });
    expect(textOf(message.blocks)).toContain(':memo: Note from <@U1>: paged &lt;!here&gt; &amp; DBA');
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
  });

  it('says when a note is an action item, and keeps a very long note within limits', () => {
    const message = noteMessage({ text: `action: ${'y'.repeat(5000)}`, authorId: 'U1', isAction: true });
    expect(textOf(message.blocks)).toContain('action item for the postmortem');
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    expect(validateMessageBlocks(noteMessage({ text: '<&>'.repeat(2000), authorId: 'U1', isAction: false }).blocks)).toEqual([]);
  });

  it('recognises action items by their "action:" prefix in any case', () => {
    expect(isActionNote('Action: add replica-lag alert')).toBe(true);
    expect(isActionNote('  ACTION:fix it')).toBe(true);
    expect(isActionNote('no action: needed')).toBe(false);
  });
});
