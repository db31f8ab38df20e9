import { readFileSync } from 'node:fs';
import { parseMessageEvent, parsePinEvent, parseReactionEvent } from '../../../src/slack/events/timeline-events';

const eventOf = (name: string) => JSON.parse(readFileSync(`test/fixtures/slack/http/event_callback.${name}.json`, 'utf8')).event as Record<string, unknown>;
const self = { botUserId: 'UBOT', botId: 'BBOT' };

describe('parseMessageEvent', () => {
  it("reads a plain channel message with Slack's ts, author and text", () => {
    expect(parseMessageEvent(eventOf('message_channels'), self)).toEqual({
      type: 'message',
      channelId: 'C111',
      ts: '1596183880.004200',
      message: { channelId: 'C111', ts: '1596183880.004200', threadTs: null, userId: 'W111', text: 'Hello World!', data: {} },
    });
  });

  it('reads a thread reply with the ts of its thread', () => {
    const action = parseMessageEvent(eventOf('message_thread_reply.COMPOSED'), self);
    expect(action).toMatchObject({ type: 'message', message: { ts: '1596183890.004300', threadTs: '1596183880.004200' } });
  });

  it('reads a reply also sent to the channel as a broadcast reply', () => {
    const action = parseMessageEvent(eventOf('message_thread_broadcast'), self);
    expect(action).toMatchObject({ type: 'message', message: { threadTs: '1633663824.000500', text: 'Hi there!', data: { broadcast: true } } });
  });

  it('keeps a file share with its text and the file names', () => {
    const event = { type: 'message', subtype: 'file_share', channel: 'C1', user: 'U1', ts: '1700000000.000100', text: 'the heap dump', files: [{ name: 'heap.hprof' }] };
    expect(parseMessageEvent(event, self)).toMatchObject({ message: { text: 'the heap dump', data: { files: ['heap.hprof'] } } });
  });

  it("keeps another app's message under that app's name", () => {
    const event = { type: 'message', subtype: 'bot_message', channel: 'C1', bot_id: 'BOTHER', username: 'PagerBot', ts: '1700000000.000100', text: 'CPU 98%' };
    expect(parseMessageEvent(event, self)).toMatchObject({ message: { userId: null, data: { bot: 'PagerBot' } } });
  });

  it('ignores joins, topic changes and other noise', () => {
    for (const subtype of ['channel_join', 'channel_topic', 'channel_purpose', 'pinned_item', 'message_replied']) {
      expect(parseMessageEvent({ type: 'message', subtype, channel: 'C1', user: 'U1', ts: '1700000000.000100', text: 'x' }, self)).toBeNull();
    }
  });

  it("ignores the bot's own messages, by bot id or by bot user", () => {
    const base = { type: 'message', channel: 'C1', ts: '1700000000.000100', text: ':memo: Note' };
    expect(parseMessageEvent({ ...base, user: 'UBOT', bot_id: 'BBOT' }, self)).toBeNull();
    expect(parseMessageEvent({ ...base, bot_id: 'BBOT' }, self)).toBeNull();
    expect(parseMessageEvent({ ...base, user: 'UBOT' }, {})).not.toBeNull();
  });

  it('reads an edit with the new text and the time of the edit', () => {
    const event = {
      type: 'message', subtype: 'message_changed', hidden: true, channel: 'C1', ts: '1700000100.000001',
      message: { type: 'message', user: 'U1', text: 'db-2 is the primary', ts: '1700000000.000100', edited: { user: 'U1', ts: '1700000099.000000' } },
      previous_message: { type: 'message', user: 'U1', text: 'db-1 is the primary', ts: '1700000000.000100' },
    };
    expect(parseMessageEvent(event, self)).toEqual({ type: 'edit', channelId: 'C1', ts: '1700000000.000100', text: 'db-2 is the primary', editedTs: '1700000099.000000' });
  });

  it('ignores a change that leaves the text alone (an unfurl, a new reply) and edits of its own messages', () => {
    const message = { type: 'message', user: 'U1', text: 'same', ts: '1700000000.000100' };
    const base = { type: 'message', subtype: 'message_changed', channel: 'C1', ts: '1700000100.000001' };
    expect(parseMessageEvent({ ...base, message: { ...message, reply_count: 1 }, previous_message: message }, self)).toBeNull();
    expect(parseMessageEvent({ ...base, message: { ...message, text: 'new', user: 'UBOT', bot_id: 'BBOT' } }, self)).toBeNull();
  });

  it('reads a deletion, and a thread parent turned into a tombstone, as deletions', () => {
    const deleted = { type: 'message', subtype: 'message_deleted', hidden: true, channel: 'C1', ts: '1700000200.000001', deleted_ts: '1700000000.000100' };
    expect(parseMessageEvent(deleted, self)).toEqual({ type: 'delete', channelId: 'C1', ts: '1700000000.000100', deletedTs: '1700000200.000001' });
    const tombstone = {
      type: 'message', subtype: 'message_changed', channel: 'C1', ts: '1700000200.000001',
      message: { type: 'message', subtype: 'tombstone', text: 'This message was deleted.', user: 'USLACKBOT', ts: '1700000000.000100' },
      previous_message: { type: 'message', text: 'root cause?', user: 'U1', ts: '1700000000.000100' },
    };
    expect(parseMessageEvent(tombstone, self)).toMatchObject({ type: 'delete', ts: '1700000000.000100' });
  });

  it('returns null for something that is not a message event at all', () => {
    expect(parseMessageEvent({ type: 'message' }, self)).toBeNull();
  });
});

describe('parseReactionEvent and parsePinEvent', () => {
  it('marks a highlight for :pushpin: only', () => {
    const event = eventOf('reaction_added');
    expect(parseReactionEvent(event)).toBeNull();
    expect(parseReactionEvent({ ...event, reaction: 'pushpin' })).toEqual({ type: 'highlight', channelId: 'C111', ts: '1599529504.000400', highlighted: true });
    expect(parseReactionEvent({ ...event, type: 'reaction_removed', reaction: 'pushpin' })).toMatchObject({ highlighted: false });
  });

  it('marks a pinned message a highlight and an unpinned one not', () => {
    const event = eventOf('pin_added.COMPOSED');
    expect(parsePinEvent(event)).toEqual({ type: 'highlight', channelId: 'C02ELGNBH', ts: '1360782400.498405', highlighted: true });
    expect(parsePinEvent({ ...event, type: 'pin_removed' })).toMatchObject({ highlighted: false });
  });

  it('ignores reactions and pins on files', () => {
    expect(parseReactionEvent({ type: 'reaction_added', reaction: 'pushpin', item: { type: 'file', file: 'F1' } })).toBeNull();
    expect(parsePinEvent({ type: 'pin_added', channel_id: 'C1', item: { type: 'file', file: { id: 'F1' } } })).toBeNull();
  });
});
