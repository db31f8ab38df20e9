import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

export interface MultipartPart {
  name: string;
  filename?: string;
  data: Buffer;
}

/** Reads a request body to the end. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Turns a Web API request body into arguments: form fields, JSON members or multipart text fields. */
export function parseArgs(contentType: string | undefined, raw: Buffer, query: URLSearchParams): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(query.entries());
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (raw.length === 0) return args;
  if (type === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('json_not_object');
    return { ...args, ...(parsed as Record<string, unknown>) };
  }
  if (type === 'multipart/form-data') {
    for (const part of parseMultipart(raw, contentType ?? '')) {
      args[part.name] = part.filename === undefined ? part.data.toString('utf8') : part.data;
    }
    return args;
  }
  return { ...args, ...parseQuery(raw.toString('utf8')) };
}

/** Splits a multipart/form-data body into its parts. */
export function parseMultipart(raw: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = parsePart(raw.subarray(start + delimiter.length, next));
    if (part) parts.push(part);
    start = next;
  }
  return parts;
}

function parsePart(chunk: Buffer): MultipartPart | undefined {
  const headerEnd = chunk.indexOf('\r\n\r\n');
  if (headerEnd < 0) return undefined;
  const headers = chunk.subarray(0, headerEnd).toString('utf8');
  const name = /name="([^"]*)"/i.exec(headers)?.[1];
  if (name === undefined) return undefined;
  const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
  // The part's data ends with the CRLF that precedes the next delimiter.
  const data = chunk.subarray(headerEnd + 4, chunk.length - 2);
  return { name, filename, data };
}
