import { buildRedactor, redactedTail } from '../../../src/commands/redact';

const redact = buildRedactor([{ name: 'ticket', pattern: 'tkt_[a-z0-9]{8}', replace: 'tkt_[REDACTED]' }]);

describe('redaction of command output', () => {
  it.each([
    ['POSTGRES_PASSWORD=hunter2 next', 'POSTGRES_PASSWORD=[REDACTED] next'],
    ['"api_key": "abc123"', '"api_key": "[REDACTED]"'],
    ['token: s3cr3t', 'token: [REDACTED]'],
    ['postgres://app:hunter2@db:5432/app', 'postgres://app:[REDACTED]@db:5432/app'],
    ['Authorization: Bearer abcdefghijklmnop', 'Authorization: Bearer [REDACTED]'],
    ['key AKIAABCDEFGHIJKLMNOP used', 'key [REDACTED] used'],
    ['xoxb-1234567890-abcdefghij', '[REDACTED]'],
    ['jwt eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl', 'jwt [REDACTED]'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----\nafter', '[REDACTED PRIVATE KEY]\nafter'],
    ['ticket tkt_abcd1234 open', 'ticket tkt_[REDACTED] open'],
    ['tokens: 5 requests ok', 'tokens: 5 requests ok'],
  ])('turns %j into %j', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('uses only the configured patterns when the defaults are switched off', () => {
    expect(buildRedactor([{ name: 'x', pattern: 'secret-\\d+' }], false)('password=1 secret-42')).toBe('password=1 [REDACTED]');
  });

  it('shows the end of the output within the cap, from a line start, redacting secrets cut at the window edge', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i} password=p${i}`).join('\n');
    const tail = redactedTail(Buffer.from(lines), 200, redact);
    expect(tail.truncated).toBe(true);
    expect(Buffer.byteLength(tail.text)).toBeLessThanOrEqual(200);
    expect(tail.text).toMatch(/^line \d+ password=\[REDACTED\]\n/);
    expect(tail.text.endsWith('line 1999 password=[REDACTED]')).toBe(true);
  });

  it('hides key material when the window starts inside a private key block', () => {
    const output = Buffer.from(`-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(80_000)}\n-----END RSA PRIVATE KEY-----\ndone\n`);
    expect(redactedTail(output, 500, redact).text).not.toContain('AAAA');
  });

  it('keeps a short output whole', () => {
    expect(redactedTail(Buffer.from('ok\n'), 200, redact)).toEqual({ text: 'ok\n', truncated: false });
  });
});
