import fc from 'fast-check';
import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';
import { blockText, declareBySlash } from '../../support/incident-steps';

const SUBCOMMANDS = ['', 'declare', 'sev', 'role', 'note', 'timeline', 'list', 'resolve', 'reopen', 'help', 'status', 'triage', 'runbook', 'run', 'evidence', 'postmortem', 'nonsense'];
const words = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('<!channel>', '<!here>', '<@U00000001>', '*bold*', '`code`', 'sev1', 'p9', 'k=v', '; rm -rf /', '$(id)'));

/** Waits until the person who typed the command has been answered somehow: ack text, an ephemeral or a form. */
async function answerTo(h: Harness, user: string, channel: string, text: string): Promise<string> {
  const ephemeralsBefore = h.emulator.workspace.ephemerals(undefined, user).length;
  const viewsBefore = h.emulator.workspace.callsTo('views.open').length;
  const postsBefore = h.emulator.workspace.callsTo('chat.postMessage').length;
  const res = await h.emulator.slashCommand({ user, channel, text });
  expect(res.status).toBe(200);
  const acked = (res.json as { text?: string } | undefined)?.text ?? '';
  if (acked && !acked.startsWith(':hourglass')) return acked;
  return eventually(() => {
    const later = h.emulator.workspace.ephemerals(undefined, user).slice(ephemeralsBefore).map((e) => e.text ?? '');
    const opened = h.emulator.workspace.callsTo('views.open').length > viewsBefore || h.emulator.workspace.callsTo('chat.postMessage').length > postsBefore;
    const channelPost = later.length === 0 && !opened ? '' : later.join('\n') || 'opened a form or posted in the channel';
    if (!channelPost) throw new Error(`no answer to "/incident ${text}"`);
    return channelPost;
  }, 5000);
}

describe(`random and hostile input through the real app (${BACKEND} backend)`, () => {
  let h: Harness;
  let incidentChannel: string;
  beforeAll(async () => {
    h = await startHarness();
    incidentChannel = (await declareBySlash(h, 'sev3 Fuzz target')).id;
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers every random /incident command with something useful, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SUBCOMMANDS), fc.array(words, { maxLength: 4 }), fc.boolean(), async (sub, rest, inIncident) => {
        const text = [sub, ...rest].join(' ').trim();
        const answer = await answerTo(h, h.users.ben, inIncident ? incidentChannel : h.channels.general, text);
        expect(answer).not.toMatch(/Something went wrong/);
      }),
      { numRuns: 150 },
    );
  });

  it('shows mentions and mrkdwn typed in a title as text, never as a ping or broken blocks', async () => {
    const channel = await declareBySlash(h, 'sev2 <!channel> *urgent* <@U00000002> `x` & <https://evil.example|click>');
    const announcement = h.emulator.workspace.messages(h.channels.incidents).at(-1);
    const shown = blockText(announcement);
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<https://evil.example');
    expect(channel.topic.value).not.toContain('<!channel>');
  });
});
