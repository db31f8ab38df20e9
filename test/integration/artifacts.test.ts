import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localArtifactStore } from '../../src/adapters/artifacts/local-artifacts';
import { s3ArtifactStore } from '../../src/adapters/artifacts/s3-artifacts';
import { artifactLinkSigner, linkSecret } from '../../src/http/artifact-route';
import { startS3Server, type TestS3Server } from '../support/s3-server';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('the S3 artifact store against an S3-compatible server on loopback', () => {
  let s3: TestS3Server;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    s3 = await startS3Server();
    // The adapter takes credentials from the SDK's default chain, as in production.
    process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
  });
  afterAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = saved.id;
    process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    await s3.stop();
  });
  const store = () => s3ArtifactStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, prefix: 'bot/', linkExpirySeconds: 600 });

  it('stores an output under its key and reads back the same bytes, with their SHA-256', async () => {
    const body = Buffer.from('line one\nline two\n');
    const stored = await store().put('incidents/2024-05-01/INC-7/commands/1-disk-usage-eu.txt', body, 'text/plain; charset=utf-8');
    expect(stored).toEqual({ key: 'incidents/2024-05-01/INC-7/commands/1-disk-usage-eu.txt', size: body.length, sha256: sha256(body) });
    expect(await store().get(stored.key)).toEqual(body);
  });

  it('hands out a presigned link that downloads the file without credentials', async () => {
    const body = 'x'.repeat(100_000);
    await store().put('incidents/2024-05-01/INC-7/postmortem.md', body, 'text/markdown');
    const link = await store().link('incidents/2024-05-01/INC-7/postmortem.md');
    expect(link).toContain(`${s3.endpoint}/${s3.bucket}/bot/incidents/2024-05-01/INC-7/postmortem.md?`);
    expect(link).toContain('X-Amz-Signature=');
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(body));
  });

  it('refuses keys that would leave the incident folders', async () => {
    await expect(store().put('../escape.txt', 'x', 'text/plain')).rejects.toThrow('invalid artifact key');
  });
});

describe('signed links to local artifacts', () => {
  const signer = artifactLinkSigner(linkSecret(undefined, 'signing-secret'));
  const now = new Date('2024-05-01T10:00:00Z');

  it('opens the one key it was signed for, until it expires', () => {
    const token = signer.sign('incidents/2024-05-01/INC-7/a.txt', new Date(now.getTime() + 60_000));
    expect(signer.verify(token, now)).toEqual({ key: 'incidents/2024-05-01/INC-7/a.txt' });
    expect(signer.verify(token, new Date(now.getTime() + 61_000))).toEqual({ problem: 'expired' });
  });

  it('rejects a token whose key or expiry was changed, or signed with another secret', () => {
    const token = signer.sign('incidents/2024-05-01/INC-7/a.txt', new Date(now.getTime() + 60_000));
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ k: 'incidents/2024-05-01/INC-8/b.txt', e: 9e9 })).toString('base64url')}.${signature}`;
    expect(signer.verify(forged, now)).toEqual({ problem: 'invalid' });
    expect(artifactLinkSigner('another secret entirely').verify(token, now)).toEqual({ problem: 'invalid' });
    expect(signer.verify('garbage', now)).toEqual({ problem: 'invalid' });
  });

  it('serves files from the local store through the link builder it is given', async () => {
    const store = localArtifactStore(mkdtempSync(join(tmpdir(), 'artifacts-')), (key) => `http://bot.example/artifacts/${signer.sign(key, new Date(now.getTime() + 1000))}`);
    await store.put('incidents/2024-05-01/INC-7/a.txt', 'hello', 'text/plain');
    const link = await store.link('incidents/2024-05-01/INC-7/a.txt');
    const token = link.slice('http://bot.example/artifacts/'.length);
    expect(signer.verify(token, now)).toEqual({ key: 'incidents/2024-05-01/INC-7/a.txt' });
  });
});
