import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../http/errors.js';
import { HEAD_BYTES } from './attachment-types.js';
import '@fastify/multipart';

// Attachment files on disk: <dataDir>/attachments/<yyyy>/<mm>/<random hex>, outside any web root.
// Uploads are first written to <dataDir>/attachments/tmp, on the same file system, so the final
// move is a rename.

/** Default maximum size of one attachment: 20 MiB. GUICHET_MAX_UPLOAD_BYTES overrides it. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const maxUploadSchema = z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(DEFAULT_MAX_UPLOAD_BYTES);

/** Reads GUICHET_MAX_UPLOAD_BYTES (1 KiB to 1 GiB); throws naming the variable when it is invalid. */
export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = maxUploadSchema.safeParse(env.GUICHET_MAX_UPLOAD_BYTES);
  if (!parsed.success) {
    throw new Error(`GUICHET_MAX_UPLOAD_BYTES must be an integer from 1024 to 1073741824 (got ${JSON.stringify(env.GUICHET_MAX_UPLOAD_BYTES)})`);
  }
  return parsed.data;
}

export interface ReceivedFile {
  tempPath: string;
  /** The uploader's file name, reduced to its last path segment. */
  name: string;
  size: number;
  sha256: string;
  head: Buffer;
}

export interface ReceivedUpload {
  file: ReceivedFile | undefined;
  fields: Record<string, string>;
}

const STORAGE_KEY = /^\d{4}\/\d{2}\/[0-9a-f]{32}$/;

export function attachmentsDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

/** Creates a storage key for a file stored now: "yyyy/mm/<32 hex digits>". */
export function newStorageKey(now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${now.getUTCFullYear()}/${month}/${randomBytes(16).toString('hex')}`;
}

/** Returns the absolute path of a stored file. Throws for any key that newStorageKey could not have made. */
export function storedPath(dataDir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error(`invalid attachment storage key ${JSON.stringify(storageKey)}`);
  return path.join(attachmentsDir(dataDir), storageKey);
}

export async function moveIntoPlace(tempPath: string, dataDir: string, storageKey: string): Promise<string> {
  const target = storedPath(dataDir, storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  await rename(tempPath, target);
  return target;
}

export async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Keeps the last path segment of a client-supplied file name, without control characters, at most 255 characters. */
export function cleanFileName(raw: string): string {
  const segment = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = segment.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'fichier' : cleaned;
}

/**
 * Reads a multipart body. The part named `file` is streamed to a temporary file while its size,
 * SHA-256 and first bytes are measured, and other parts are kept as text fields. A file over
 * `limitBytes` raises a 413. On any failure the temporary file is removed before throwing.
 */
export async function receiveUpload(request: FastifyRequest, dataDir: string, limitBytes: number): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new AppError('multipart_required');
  const tempDir = path.join(attachmentsDir(dataDir), 'tmp');
  await mkdir(tempDir, { recursive: true });

  const fields: Record<string, string> = {};
  let file: ReceivedFile | undefined;
  let tempPath: string | undefined;
  try {
    const parts = request.parts({ limits: { fileSize: limitBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') throw new AppError('multipart_invalid');
      tempPath = path.join(tempDir, randomBytes(16).toString('hex'));
      const measured = await writeMeasured(part.file, tempPath);
      if (part.file.truncated || measured.size > limitBytes) {
        throw new AppError('attachment_too_large', { limit: Math.floor(limitBytes / (1024 * 1024)) });
      }
      file = { tempPath, name: cleanFileName(part.filename), ...measured };
    }
    return { file, fields };
  } catch (error) {
    if (tempPath !== undefined) await removeFile(tempPath);
    throw toUploadError(error, request);
  }
}

async function writeMeasured(source: NodeJS.ReadableStream, target: string) {
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      callback(null, chunk);
    },
  });
  await pipeline(source, meter, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  return { size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks) };
}

// Parser errors become 400 or 415; file system errors (they carry a syscall) stay 500.
function toUploadError(error: unknown, request: FastifyRequest): unknown {
  if (error instanceof AppError) return error;
  if (typeof error === 'object' && error !== null && 'syscall' in error) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  request.log.info({ err: error, code }, 'multipart body rejected');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('multipart_required');
  return new AppError('multipart_invalid');
}
