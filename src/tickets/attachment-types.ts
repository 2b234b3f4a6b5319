// Attachment types recognised from their first bytes (magic numbers), never from the declared type.
// NOTE: no magic-number library (such as file-type) is installed, so this is a small explicit
// signature table covering only the accepted types and the executables worth naming in an error.

/** Bytes read from the start of an upload for detection; enough for every signature below. */
export const HEAD_BYTES = 4096;

export interface AcceptedType {
  /** Served as Content-Type on download. */
  contentType: string;
  /** Shown in errors. */
  label: string;
  /** Lower-case extensions a file of this type may carry. */
  extensions: readonly string[];
}

export type Detection =
  | { verdict: 'accepted'; type: AcceptedType }
  | { verdict: 'executable' | 'active_content' | 'rejected' }
  | { verdict: 'extension_mismatch'; type: AcceptedType }
  /** Looks like text: the caller checks the whole file with `checkText` before accepting it. */
  | { verdict: 'text'; type: AcceptedType };

interface Signature {
  offset: number;
  bytes: Buffer;
}

const sig = (offset: number, bytes: string | number[]): Signature => ({
  offset,
  bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes),
});

const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'jfif', 'gif', 'webp'];

// A type matches when every signature of one of its alternatives matches.
const BINARY_TYPES: { type: AcceptedType; alternatives: Signature[][] }[] = [
  { type: { contentType: 'application/pdf', label: 'PDF', extensions: ['pdf'] }, alternatives: [[sig(0, '%PDF-')]] },
  { type: { contentType: 'image/png', label: 'PNG', extensions: IMAGE_EXTENSIONS }, alternatives: [[sig(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]] },
  { type: { contentType: 'image/jpeg', label: 'JPEG', extensions: IMAGE_EXTENSIONS }, alternatives: [[sig(0, [0xff, 0xd8, 0xff])]] },
  { type: { contentType: 'image/gif', label: 'GIF', extensions: IMAGE_EXTENSIONS }, alternatives: [[sig(0, 'GIF87a')], [sig(0, 'GIF89a')]] },
  { type: { contentType: 'image/webp', label: 'WebP', extensions: IMAGE_EXTENSIONS }, alternatives: [[sig(0, 'RIFF'), sig(8, 'WEBP')]] },
];

const ZIP = sig(0, [0x50, 0x4b, 0x03, 0x04]);
// OLE2 compound file: legacy Word, Excel and PowerPoint, but also .msi installers, hence the extension list.
const OLE = sig(0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

// Office formats inside a ZIP, distinguished by extension. Macro-enabled variants (docm, xlsm) are left out.
const ZIP_OFFICE: Record<string, AcceptedType> = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', extensions: ['docx'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', extensions: ['xlsx'] },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint', extensions: ['pptx'] },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument', extensions: ['odt'] },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument', extensions: ['ods'] },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', label: 'OpenDocument', extensions: ['odp'] },
};

const OLE_OFFICE: Record<string, AcceptedType> = {
  doc: { contentType: 'application/msword', label: 'Word', extensions: ['doc'] },
  xls: { contentType: 'application/vnd.ms-excel', label: 'Excel', extensions: ['xls'] },
  ppt: { contentType: 'application/vnd.ms-powerpoint', label: 'PowerPoint', extensions: ['ppt'] },
};

const TEXT_TYPES: Record<string, AcceptedType> = {
  txt: { contentType: 'text/plain; charset=utf-8', label: 'texte', extensions: ['txt', 'log'] },
  log: { contentType: 'text/plain; charset=utf-8', label: 'texte', extensions: ['txt', 'log'] },
  csv: { contentType: 'text/csv; charset=utf-8', label: 'CSV', extensions: ['csv'] },
};

// Windows PE (MZ), ELF, Mach-O (both byte orders, 32 and 64 bits, universal), Java class files
// (same magic as universal Mach-O), WebAssembly, and scripts starting with a shebang.
const EXECUTABLES: Signature[] = [
  sig(0, 'MZ'),
  sig(0, [0x7f, 0x45, 0x4c, 0x46]),
  sig(0, [0xfe, 0xed, 0xfa, 0xce]),
  sig(0, [0xfe, 0xed, 0xfa, 0xcf]),
  sig(0, [0xce, 0xfa, 0xed, 0xfe]),
  sig(0, [0xcf, 0xfa, 0xed, 0xfe]),
  sig(0, [0xca, 0xfe, 0xba, 0xbe]),
  sig(0, [0x00, 0x61, 0x73, 0x6d]),
  sig(0, '#!'),
];

const matches = (head: Buffer, signature: Signature) =>
  head.length >= signature.offset + signature.bytes.length &&
  head.subarray(signature.offset, signature.offset + signature.bytes.length).equals(signature.bytes);

/** Lower-case extension of a file name, without the dot; empty when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Classifies an upload from its first bytes and its name's extension. Binary formats are decided
 * here; anything else is a text candidate only when the extension is a text one.
 */
export function detectType(head: Buffer, name: string): Detection {
  const extension = extensionOf(name);
  if (EXECUTABLES.some((signature) => matches(head, signature))) return { verdict: 'executable' };

  for (const { type, alternatives } of BINARY_TYPES) {
    if (alternatives.some((signatures) => signatures.every((signature) => matches(head, signature)))) {
      return type.extensions.includes(extension) ? { verdict: 'accepted', type } : { verdict: 'extension_mismatch', type };
    }
  }
  if (matches(head, ZIP)) return byExtension(ZIP_OFFICE, extension);
  if (matches(head, OLE)) return byExtension(OLE_OFFICE, extension);

  const textType = TEXT_TYPES[extension];
  return textType === undefined ? { verdict: 'rejected' } : { verdict: 'text', type: textType };
}

function byExtension(types: Record<string, AcceptedType>, extension: string): Detection {
  const type = types[extension];
  return type === undefined ? { verdict: 'rejected' } : { verdict: 'accepted', type };
}

// Markup a browser or a viewer would run: the HTML tags that WHATWG MIME sniffing looks for at the
// start of a resource, XML and SVG documents, and script or frame tags anywhere in the text.
const MARKUP_AT_START = /^(?:\uFEFF)?\s*<(?:!doctype\s+html|html|head|body|script|iframe|svg|\?xml|!--|h1|div|font|table|a|style|title|b|br|p)[\s>/]/i;
const MARKUP_ANYWHERE = /<\s*(?:script|iframe|svg|html|object|embed)\b/i;

/**
 * Checks the whole content of a text candidate: valid UTF-8, no NUL byte, and no HTML, SVG or
 * script markup. Returns the verdict for the file.
 */
export function checkText(content: Buffer): 'text' | 'active_content' | 'rejected' {
  if (content.includes(0)) return 'rejected';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return 'rejected';
  }
  if (MARKUP_AT_START.test(text) || MARKUP_ANYWHERE.test(text)) return 'active_content';
  return 'text';
}
