import { parseArgs, parseMultipart } from '../../../src/sandbox/http-body';

describe('parseArgs', () => {
  it('reads form-encoded arguments, leaving JSON-valued ones as strings', () => {
    const raw = Buffer.from('channel=C1&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D&text=a+b');
    const args = parseArgs('application/x-www-form-urlencoded', raw, new URLSearchParams());
    expect(args).toEqual({ channel: 'C1', blocks: '[{"type":"divider"}]', text: 'a b' });
  });

  it('reads JSON bodies whatever the charset suffix', () => {
    const args = parseArgs('application/json; charset=utf-8', Buffer.from('{"channel":"C1","blocks":[]}'), new URLSearchParams());
    expect(args).toEqual({ channel: 'C1', blocks: [] });
  });

  it('merges query string arguments (GET calls)', () => {
    expect(parseArgs(undefined, Buffer.alloc(0), new URLSearchParams('channel=C9'))).toEqual({ channel: 'C9' });
  });

  it('refuses a JSON body that is not an object', () => {
    expect(() => parseArgs('application/json', Buffer.from('[1]'), new URLSearchParams())).toThrow('json_not_object');
  });
});

describe('parseMultipart', () => {
  it('splits fields and file parts, keeping file bytes intact', () => {
    const boundary = 'XyZ';
    const raw = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nNotes\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="body"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from([0, 1, 13, 10, 255]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const parts = parseMultipart(raw, `multipart/form-data; boundary=${boundary}`);
    expect(parts.map((p) => p.name)).toEqual(['title', 'body']);
    expect(parts[0].data.toString()).toBe('Notes');
    expect(parts[1]).toMatchObject({ filename: 'a.bin' });
    expect([...parts[1].data]).toEqual([0, 1, 13, 10, 255]);
  });
});
