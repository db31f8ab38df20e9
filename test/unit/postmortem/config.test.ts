import { readFileSync } from 'node:fs';
import { ConfigError, parseIncidentConfig } from '../../../src/config/load';

const shipped = readFileSync('incident.config.yml', 'utf8');
const withoutSection = shipped.slice(0, shipped.indexOf('\n# ---------------------------------------------------------------------------\n# Postmortem draft.'));

function problems(yaml: string): string[] {
  try {
    parseIncidentConfig(yaml, 'test.yml');
    return [];
  } catch (err) {
    return (err as ConfigError).problems.map((p) => `${p.line}:${p.path}: ${p.message}`);
  }
}

describe('the postmortem section of the config', () => {
  it('ships the defaults, and uses them when the section is left out', () => {
    const expected = { action_reaction: 'ballot_box_with_check', chatter_run_max: 6, thread_replies_max: 3 };
    expect(parseIncidentConfig(shipped, 'incident.config.yml').postmortem).toEqual(expected);
    expect(parseIncidentConfig(withoutSection, 'incident.config.yml').postmortem).toEqual(expected);
  });

  it('takes an emoji with or without colons, or null to turn reactions off', () => {
    const parse = (value: string) => parseIncidentConfig(`${withoutSection}\npostmortem:\n  action_reaction: ${value}\n`, 't.yml').postmortem.action_reaction;
    expect(parse("':memo:'")).toBe('memo');
    expect(parse('null')).toBeNull();
  });

  it('reports each bad value with its line', () => {
    const lines = withoutSection.split('\n').length;
    const yaml = `${withoutSection}\npostmortem:\n  action_reaction: two words\n  chatter_run_max: 0\n  thread_replies_max: 2.5\n  typo: 1\n`;
    expect(problems(yaml)).toEqual([
      `${lines + 2}:postmortem.action_reaction: expected an emoji name such as ballot_box_with_check (without colons), or null for none`,
      `${lines + 3}:postmortem.chatter_run_max: expected a whole number of messages from 1 to 100`,
      `${lines + 4}:postmortem.thread_replies_max: expected a whole number of replies from 0 to 50`,
      expect.stringMatching(new RegExp(`^${lines + 5}:postmortem.typo: unknown key; allowed keys are: action_reaction, chatter_run_max, thread_replies_max`)),
    ]);
  });
});
