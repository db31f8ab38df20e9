import { execFileSync } from 'node:child_process';
import { checkParams, parseParamArgs } from '../../../src/commands/params';
import type { CommandSpec } from '../../../src/commands/catalog';

const spec = (template: string, params: CommandSpec['params']) => ({ id: 'demo', template, params });
const logs = spec('logs --tail {{lines}} {{service}}', {
  lines: { type: 'integer', min: 1, max: 500, default: 100, optional: false },
  service: { type: 'enum', values: ['api', 'worker'], optional: true },
});
const echo = spec("printf '%s' {{text}}", { text: { type: 'string', pattern: '^.{1,200}$', max_length: 200, optional: false } });

// Runs the rendered line in a real shell: what it prints is what the shell made of the value.
const shellOutput = (line: string) => execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8' });

describe('command parameters', () => {
  it('fills defaults, leaves out an omitted optional word, and single-quotes every value', () => {
    expect(checkParams(logs, {})).toEqual({ ok: true, values: { lines: '100' }, commandLine: "logs --tail '100'" });
    expect(checkParams(logs, { lines: '007', service: 'api' })).toEqual({ ok: true, values: { lines: '7', service: 'api' }, commandLine: "logs --tail '7' 'api'" });
  });

  it.each([
    ['; rm -rf /', 'lines', 'lines must be a whole number from 1 to 500'],
    ['$(reboot)', 'lines', 'lines must be a whole number from 1 to 500'],
    ['5`id`', 'lines', 'lines must be a whole number from 1 to 500'],
    ['1000', 'lines', 'lines must be a whole number from 1 to 500'],
    ['api; rm -rf /', 'service', 'service must be one of: api, worker'],
    ['api\nrm -rf /', 'service', 'service must be one of: api, worker'],
  ])('rejects %j for %s by its rule', (value, name, message) => {
    expect(checkParams(logs, { [name]: value })).toEqual({ ok: false, problems: [message] });
  });

  it('rejects newlines and other control characters in text, whatever the pattern allows', () => {
    expect(checkParams(echo, { text: 'one\nrm -rf /' })).toEqual({ ok: false, problems: ['text must not contain control characters such as newlines'] });
    expect(checkParams(echo, { text: 'bell\u0007' })).toEqual({ ok: false, problems: ['text must not contain control characters such as newlines'] });
  });

  it.each(['; rm -rf /', '$(touch /tmp/pwned)', '`id`', "it's | cat && echo 'x' > /tmp/y", '$HOME ${PATH} \\n *'])(
    'passes %j to the shell as exactly that text',
    (value) => {
      const checked = checkParams(echo, { text: value });
      expect(checked.ok && shellOutput(checked.commandLine)).toBe(value);
    },
  );

  it('names unknown and missing parameters', () => {
    expect(checkParams(logs, { line: '5' })).toEqual({ ok: false, problems: ['demo has no parameter "line"; its parameters are: lines, service'] });
    expect(checkParams(echo, {})).toEqual({ ok: false, problems: ['text is required: text=<^.{1,200}$>'] });
  });
});

describe('parameters as typed after the command', () => {
  it('reads key=value words, with quotes grouping a value that holds spaces', () => {
    expect(parseParamArgs(`lines=5 text="a b; c" other='x "y"'`)).toEqual({ params: { lines: '5', text: 'a b; c', other: 'x "y"' }, problems: [] });
  });

  it('points at words that are not key=value, and keys given twice', () => {
    expect(parseParamArgs('lines=5 oops lines=6').problems).toEqual([
      '"oops" is not key=value; write parameters as name=value, e.g. lines=200',
      'lines is given twice',
    ]);
    expect(parseParamArgs('=5').problems).toEqual(['could not read "=5"; write parameters as name=value']);
  });
});
