// Files and multipart bodies for the attachment tests, built by hand so no form library is needed.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestServer } from '../../test/helpers/server.js';

/** A valid 1×1 PNG image. */
export const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The start of a 64-bit Linux ELF executable, padded. */
export const ELF_BYTES = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]);

/** The start of a Windows PE executable ("MZ" header and DOS stub text), padded. */
export const MZ_BYTES = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(64, 0)]);

export interface FormPart {
  name: string;
  value: Buffer | string;
  /** Makes the part a file part. */
  filename?: string;
  contentType?: string;
}

/** Encodes parts as a multipart/form-data body and returns it with its Content-Type header. */
export function multipartBody(parts: FormPart[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----guichet${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"; filename*=UTF-8''${encodeURIComponent(part.filename)}`;
    const type = part.filename === undefined ? '' : `\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value) : part.value);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads one file to a ticket, with optional extra form fields. */
export function upload(
  server: TestServer,
  as: Session | undefined,
  ticketId: number,
  file: { name: string; content: Buffer | string; contentType?: string },
  fields: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const parts: FormPart[] = [
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'file', value: file.content, filename: file.name, ...(file.contentType === undefined ? {} : { contentType: file.contentType }) },
  ];
  const { body, headers } = multipartBody(parts);
  return server.call('POST', `/api/v1/tickets/${ticketId}/attachments`, { ...(as === undefined ? {} : { as }), body, headers });
}

/** Lists the regular files under a directory, as relative paths; empty when the directory does not exist. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}
