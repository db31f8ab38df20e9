import { parseRunbook, STEP_MAX_CHARS } from '../../../src/runbooks/parse-runbook';
import { formatLibraryProblem } from '../../../src/runbooks/types';

const FILE = 'runbooks/sample.md';

function runbookText(frontMatter: string, body: string): string {
  return `---\n${frontMatter}\n---\n${body}`;
}

const GOOD_FRONT = 'id: sample\ntitle: Sample failure\nsymptoms: [Something is off]\nseverity_hint: SEV-2\ncommands: [pg-activity, container-logs]';

function problemsOf(source: string): string[] {
  return parseRunbook(FILE, source).problems.map(formatLibraryProblem);
}

describe('parseRunbook', () => {
  it('reads the front matter, the intro and each "## " heading as a numbered step with the commands it runs', () => {
    const source = runbookText(GOOD_FRONT, 'Read this first.\n\n## 1. Capture evidence first\nSave logs.\n\n[run: container-logs]\n\n## Look at the database\n[run: pg-activity]\n[run: pg-activity]\n');
    const { runbook, problems } = parseRunbook(FILE, source);
    expect(problems).toEqual([]);
    expect(runbook).toMatchObject({ id: 'sample', title: 'Sample failure', symptoms: ['Something is off'], severityHint: 'SEV-2', commands: ['pg-activity', 'container-logs'], intro: 'Read this first.', file: FILE });
    expect(runbook?.steps).toEqual([
      { number: 1, title: 'Capture evidence first', body: 'Save logs.\n\n[run: container-logs]', commands: ['container-logs'], line: 10 },
      { number: 2, title: 'Look at the database', body: '[run: pg-activity]\n[run: pg-activity]', commands: ['pg-activity'], line: 15 },
    ]);
  });

  it('does not take a "## " line inside a code block for a step, nor a "### " heading', () => {
    const source = runbookText(GOOD_FRONT, '## Only step\n```\n## not a step\n```\n### a sub-heading\n');
    expect(parseRunbook(FILE, source).runbook?.steps.map((s) => s.title)).toEqual(['Only step']);
  });

  it('reports a file without front matter on line 1', () => {
    expect(problemsOf('# Title\n\n## Step\n')).toEqual([`${FILE}:1: start the file with front matter: a line "---", then id, title, symptoms and commands, then "---"`]);
  });

  it('reports each bad front matter key with its line in the file', () => {
    const source = runbookText('id: Bad Id\ntitel: Oops\nsymptoms: []\ncommands: [ok, 42]', '## Step\ntext\n');
    expect(problemsOf(source)).toEqual([
      `${FILE}:2 id: expected lowercase letters, digits and "-", such as db-failover`,
      `${FILE}:2 title: is required`,
      `${FILE}:3 titel: unknown key; allowed keys are: id, title, symptoms, severity_hint, commands`,
      `${FILE}:4 symptoms: list at least one symptom`,
      `${FILE}:5 commands[1]: expected lowercase letters, digits and "-", such as db-failover`,
    ]);
  });

  it('reports a YAML syntax error in the front matter with its line', () => {
    const source = runbookText('id: sample\ntitle: [unclosed\nsymptoms: [x]', '## Step\n');
    const [problem] = problemsOf(source);
    expect(problem).toMatch(/^runbooks\/sample\.md:[34]: YAML syntax error in the front matter: /);
  });

  it('reports a step that runs a command the front matter does not list, at the marker line', () => {
    const source = runbookText(GOOD_FRONT, '## Step one\ntext\n\n[run: disk-usage]\n');
    expect(problemsOf(source)).toEqual([`${FILE}:11 step 1: runs "disk-usage", which the front matter's commands does not list`]);
  });

  it('reports a runbook without steps, a marker outside any step and a step too long for one message', () => {
    expect(problemsOf(runbookText(GOOD_FRONT, 'Only an intro.\n'))).toEqual([`${FILE}:8: no steps: start each step with a "## " heading`]);
    expect(problemsOf(runbookText(GOOD_FRONT, '[run: pg-activity]\n## Step\n'))).toEqual([
      `${FILE}:8 intro: put [run: …] markers inside a step (under a "## " heading), so the Run button sits with its step`,
    ]);
    const long = `## Long step\n${'word '.repeat(STEP_MAX_CHARS / 4)}\n`;
    expect(problemsOf(runbookText(GOOD_FRONT, long))[0]).toMatch(/^runbooks\/sample\.md:8 step 1: is \d+ characters; keep a step under 6000/);
  });

  it('keeps the id a file declares even when other parts are wrong, so the matrix is not told it is missing', () => {
    const parsed = parseRunbook(FILE, runbookText('id: sample\ntitle: T', '## Step\n'));
    expect(parsed.runbook).toBeUndefined();
    expect(parsed.id).toBe('sample');
  });
});
