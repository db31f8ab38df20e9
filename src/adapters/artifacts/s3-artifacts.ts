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
}

/**
 * Artifacts in an S3-compatible bucket. Credentials come from the AWS SDK's default chain (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY, a profile, or the instance's role); links are presigned GET URLs.
 */
export function s3ArtifactStore(o: S3ArtifactOptions): ArtifactStore {
  const client = new S3Client({
    endpoint: o.endpoint,
    region: o.region ?? 'us-east-1',
    forcePathStyle: o.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers reject the newer default trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const keyOf = (key: string) => `${o.prefix}${checkArtifactKey(key)}`;
  return {
    async put(key, body, contentType): Promise<StoredArtifact> {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const sha = createHash('sha256').update(bytes);
      await client.send(
        new PutObjectCommand({ Bucket: o.bucket, Key: keyOf(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length, Metadata: { sha256: sha.copy().digest('hex') } }),
      );
      return { key, size: bytes.length, sha256: sha.digest('hex') };
    },
    async get(key) {
      const res = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: keyOf(key) }));
      return Buffer.from((await res.Body?.transformToByteArray()) ?? []);
    },
    link: (key) => getSignedUrl(client, new GetObjectCommand({ Bucket: o.bucket, Key: keyOf(key) }), { expiresIn: o.linkExpirySeconds }),
  };
}
