import { fillTemplate, placeholdersOf, quotedPlaceholders, shellQuote } from '../../../src/commands/quote';

describe('shell quoting', () => {
  it('wraps a value in single quotes and writes each quote inside as an escaped one', () => {
    expect(shellQuote('api')).toBe("'api'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
    expect(() => shellQuote('a\0b')).toThrow('NUL');
  });

  it('finds placeholders, and those that stand inside quotes', () => {
    expect(placeholdersOf('a {{x}} b {{ y }}')).toEqual(['x', 'y']);
    expect(quotedPlaceholders(`echo {{a}} '{{b}}' "x {{c}}" 'it'\\''s' {{d}}`)).toEqual(['b', 'c']);
    expect(quotedPlaceholders(`sh -c 'psql -c "SELECT 1"' {{service}}`)).toEqual([]);
  });

  it('fills a template, dropping an omitted word with its space', () => {
    expect(fillTemplate('logs --tail {{n}} {{service}}', { n: "'5'" })).toBe("logs --tail '5'");
    expect(fillTemplate('curl http://h:{{port}}{{path}}', { port: "'80'", path: "'/x'" })).toBe("curl http://h:'80''/x'");
  });
});
