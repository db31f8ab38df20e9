import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ArtifactStore, StoredArtifact } from '../../domain/ports';
import { checkArtifactKey } from './local-artifacts';

export interface S3ArtifactOptions {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, Ceph, R2…); AWS itself when unset. */
  endpoint?: string;
  region?: string;
  forcePathStyle: boolean;
  /** Prepended to every key, e.g. "incident-bot/". */
  prefix: string;
  linkExpirySeconds: number;
  /** How long one request may take (connecting included) before it fails; the SDK tries three times in all. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** What went wrong talking to the bucket, in words an operator can act on. */
function why(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string }; $metadata?: { httpStatusCode?: number } };
  // The SDK wraps network errors; the code is on the error, its cause, or only in the message.
  if (e.code === 'ECONNREFUSED' || e.cause?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message ?? '')) return 'the endpoint refused the connection (is it running?)';
  if (e.name === 'TimeoutError' || /timed? ?out/i.test(e.message ?? '')) return `no answer within ${timeoutMs / 1000} s`;
  const status = e.$metadata?.httpStatusCode;
  return `${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? String(err)}`;
}

/**
 * Artifacts in an S3-compatible bucket. Credentials come from the AWS SDK's default chain (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY, a profile, or the instance's role); links are presigned GET URLs.
 */
export function s3ArtifactStore(o: S3ArtifactOptions): ArtifactStore {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new S3Client({
    endpoint: o.endpoint,
    region: o.region ?? 'us-east-1',
    forcePathStyle: o.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers reject the newer default trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Without these a bucket that accepts connections and never answers would hold a command run forever.
    requestHandler: { connectionTimeout: Math.min(timeoutMs, 5000), requestTimeout: timeoutMs, throwOnRequestTimeout: true },
  });
  const where = `S3 bucket ${o.bucket}${o.endpoint ? ` at ${o.endpoint}` : ''}`;
  const failed = (what: string, key: string) => (err: unknown) => {
    throw new Error(`The ${where} did not ${what} ${key}: ${why(err, timeoutMs)}`, { cause: err });
  };
  const keyOf = (key: string) => `${o.prefix}${checkArtifactKey(key)}`;
  return {
    async put(key, body, contentType): Promise<StoredArtifact> {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const sha = createHash('sha256').update(bytes);
      await client
        .send(new PutObjectCommand({ Bucket: o.bucket, Key: keyOf(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length, Metadata: { sha256: sha.copy().digest('hex') } }))
        .catch(failed('take', key));
      return { key, size: bytes.length, sha256: sha.digest('hex') };
    },
    async get(key) {
      const res = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: keyOf(key) })).catch(failed('return', key));
      return Buffer.from((await res.Body?.transformToByteArray()) ?? []);
    },
    link: (key) => getSignedUrl(client, new GetObjectCommand({ Bucket: o.bucket, Key: keyOf(key) }), { expiresIn: o.linkExpirySeconds }),
  };
}
