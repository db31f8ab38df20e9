import { incidentKey } from '../incident';
import { actionText, isActionItem, num, str } from './entry-data';
import { clockTime, messageLink, oneLine, personName, plural, slackToMarkdown, tableCell, utcTime } from './format';
import { headerFields, participants, roleFields, severityChanges } from './header';
import { metricRows, RESPONSE_DEFINITION, targetRows } from './metrics';
import type { ActionItem, BackfillNote, PostmortemDraft, PostmortemInput, StatusRow } from './model';
import { buildTimeline } from './timeline-view';
import { commandRows, commandRuns, evidenceLines, runbooksUsed, triageRows } from './work';

function statusRows(input: PostmortemInput): StatusRow[] {
  return input.statusUpdates.map((u) => ({
    time: utcTime(u.postedAt),
    status: tableCell(u.status),
    audience: u.audience,
    by: personName(input.names, u.postedBy),
    impact: tableCell(slackToMarkdown(u.impact, input.names), 300),
    actions: tableCell(u.currentActions.split('\n').join('; '), 300),
  }));
}

// The impact as it was told over time: each status update's impact, repeated ones left out.
function impactStatements(input: PostmortemInput): PostmortemDraft['impact'] {
  const statements: PostmortemDraft['impact'] = [];
  for (const u of input.statusUpdates) {
    const text = oneLine(slackToMarkdown(u.impact, input.names), 1000);
    if (statements.at(-1)?.text !== text) statements.push({ time: clockTime(u.postedAt), status: u.status, text });
  }
  return statements;
}

function actionItems(input: PostmortemInput): ActionItem[] {
  const { archiveUrl, incident } = input;
  return input.timeline.filter(isActionItem).map((e) => ({
    text: oneLine(slackToMarkdown(actionText(e.text), input.names), 500),
    owner: personName(input.names, e.actorId) || str(e, 'bot'),
    time: utcTime(e.occurredAt),
    link: messageLink(archiveUrl, incident.channelId, e.slackTs, e.kind === 'reply' ? e.threadTs : null),
  }));
}

function backfillNotes(input: PostmortemInput): BackfillNote[] {
  const notes = input.timeline
    .filter((e) => e.kind === 'backfilled')
    .map((e) => {
      const from = str(e, 'from') ? utcTime(new Date(str(e, 'from'))) : '?';
      const to = str(e, 'to') ? utcTime(new Date(str(e, 'to'))) : '?';
      const edits = num(e, 'edits') ? `, and ${plural(num(e, 'edits') as number, 'edit')} made meanwhile,` : '';
      const what = `${plural(num(e, 'messages') ?? 0, 'message')} and ${plural(num(e, 'replies') ?? 0, 'reply', 'replies')}`;
      return { time: utcTime(e.occurredAt), text: `${what} posted between ${from} and ${to}${edits} were missed by the bot and read back from Slack` };
    });
  if (input.backfillProblem) {
    notes.push({ time: utcTime(input.generatedAt), text: `The channel could not be read back before this version (${input.backfillProblem}); messages the bot missed may be absent` });
  }
  return notes;
}

function previousVersions(input: PostmortemInput): string[] {
  return input.timeline
    .filter((e) => e.kind === 'postmortem' && num(e, 'version') !== null)
    .map((e) => `v${num(e, 'version')} (${utcTime(e.occurredAt)}): ${str(e, 'link') ? `[${str(e, 'key')}](${str(e, 'link')})` : str(e, 'key')}`);
}

function timelineSection(input: PostmortemInput): PostmortemDraft['timeline'] {
  const { config, incident } = input;
  const built = buildTimeline(input.timeline, {
    names: input.names,
    archiveUrl: input.archiveUrl,
    channelId: incident.channelId,
    chatterRunMax: config.postmortem.chatter_run_max,
    threadRepliesMax: config.postmortem.thread_replies_max,
    runs: commandRuns(input.timeline),
  });
  const where = incident.channelName ? ` in #${incident.channelName}` : '';
  const note =
    `Times in UTC. 📌 marks pinned and :pushpin: messages. Runs of more than ${plural(config.postmortem.chatter_run_max, 'message')} ` +
    `are counted on one line with a link to the first; the whole conversation stays${where}. ` +
    `${plural(built.stats.entries, 'timeline entry', 'timeline entries')}, ${plural(built.stats.summarisedMessages, 'message')} summarised.`;
  return { ...built, note };
}

/** Assembles the draft from the incident, its status updates and its whole timeline; pure, no I/O. */
export function assemblePostmortem(input: PostmortemInput): PostmortemDraft {
  const { incident, names } = input;
  const resolution = incident.resolution;
  const runbooks = runbooksUsed(input.timeline, names);
  return {
    key: incidentKey(incident),
    title: oneLine(incident.title, 200),
    version: input.version,
    generatedAt: utcTime(input.generatedAt),
    generatedBy: personName(names, input.generatedBy) || 'the bot',
    header: headerFields(input),
    severityChanges: severityChanges(input),
    roles: roleFields(input),
    participants: participants(input),
    metrics: metricRows(input),
    responseDefinition: RESPONSE_DEFINITION,
    targets: targetRows(input),
    summary: resolution ? slackToMarkdown(resolution.summary, names) : '',
    description: incident.description ? slackToMarkdown(incident.description, names) : '',
    impact: impactStatements(input),
    impactEnded: resolution?.impactEndedAt ? utcTime(new Date(resolution.impactEndedAt)) : '',
    rootCause: resolution?.rootCause ? slackToMarkdown(resolution.rootCause, names) : '',
    timeline: timelineSection(input),
    statusUpdates: statusRows(input),
    triage: triageRows(input.timeline, names),
    runbooks,
    commands: commandRows(input.timeline, names),
    evidence: evidenceLines(input.timeline),
    actionItems: actionItems(input),
    runbookUpdates: runbooks.map((r) => `${r.title} (${r.id})`),
    backfill: backfillNotes(input),
    previousVersions: previousVersions(input),
  };
}
