/**
 * The permalink codec: a plan <-> the payload after `#/open/` (reliability guide URL-2..URL-5).
 *
 * Payload: `<version>.<data>.<checksum>`
 *   version   decimal link version (PERMALINK_VERSION in ./migrations.ts)
 *   data      base64url (no padding) of deflate-raw (level 9, with the version's preset dictionary)
 *             of the UTF-8 compact JSON (./compact.ts)
 *   checksum  base64url of the CRC-32 (big-endian, 6 characters) of `<version>.` followed by the
 *             compressed bytes, so a damaged or cut link is caught before anything is inflated
 *
 * Decoding never throws. In order: cap the input length (before any work), undo the
 * re-encodings chat and mail tools add, split the envelope, check the version, the charset and
 * the checksum, inflate with a streaming output cap, parse JSON, run the link migrations, expand
 * the compact form (unknown keys are refused), then validate with migratePlan/parsePlan (the
 * same validator as plan files; it refuses __proto__/constructor/prototype keys anywhere). A
 * link of a newer version is refused, never opened with parts dropped. Every failure is one of
 * a fixed set of codes, each with a message (what is wrong) and a hint (what the user can do);
 * link text in messages is always shortened and quoted (quoteInput).
 */
import { deflateSync, Inflate } from 'fflate';

import { migratePlan, readableFormats } from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { quoteInput } from '@/core/validate/quote';

import { fromCompact, toCompact } from './compact';
import { DICTIONARY_V1 } from './dictionary-v1';
import { migrateCompact, PERMALINK_VERSION, planFormatOfLink } from './migrations';

export const PERMALINK_LIMITS = {
  /** Longest payload accepted; longer input is rejected before decoding (URL-4). */
  payloadChars: 8000,
  /** Largest inflated JSON; inflating stops as soon as it is passed. */
  inflatedBytes: 256 * 1024,
  /** Longest whole link that chat, ticket and mail tools keep intact (URL-2). */
  safeLinkChars: 2000,
} as const;

/** The route prefix of a permalink inside the URL fragment. */
export const PERMALINK_ROUTE = '#/open/';

/**
 * How each link version is packed. Old versions keep their entry forever so their links open.
 * Formats 1 to 3: deflate-raw level 9 with the frozen preset dictionary of ./dictionary-v1.ts.
 */
const WIRE_FORMATS: Readonly<Record<number, { dictionary?: Uint8Array }>> = {
  1: { dictionary: DICTIONARY_V1 },
  2: { dictionary: DICTIONARY_V1 },
  3: { dictionary: DICTIONARY_V1 },
  4: { dictionary: DICTIONARY_V1 },
  5: { dictionary: DICTIONARY_V1 },
};

export type DecodeErrorCode =
  | 'empty'
  | 'too-large'
  | 'malformed'
  | 'truncated'
  | 'corrupt'
  | 'newer-version'
  | 'unknown-version'
  | 'invalid-plan';

export interface DecodeError {
  code: DecodeErrorCode;
  /** What is wrong, in a sentence. */
  message: string;
  /** What the user can do about it. */
  hint: string;
}

export type DecodeResult =
  { ok: true; plan: Plan; warnings: string[]; version: number } | { ok: false; error: DecodeError };

export interface CodecOptions {
  /** The planner's catalog version: written into new links, compared on opening. */
  catalogVersion?: string;
}

const ASK_FOR_FILE = 'or ask the sender for the plan file (made with “Save plan”) and open that';

function fail(code: DecodeErrorCode, detail?: string): { ok: false; error: DecodeError } {
  const errors: Record<DecodeErrorCode, Omit<DecodeError, 'code'>> = {
    empty: {
      message: 'This link holds no plan: the part after “#/open/” is missing.',
      hint: `Copy the whole link again from the original message, ${ASK_FOR_FILE}.`,
    },
    'too-large': {
      message:
        detail ??
        `This link is too long to be a planner link (more than ${PERMALINK_LIMITS.payloadChars.toLocaleString('en-US')} characters).`,
      hint: `Ask the sender for the plan file (made with “Save plan”) and open that instead.`,
    },
    malformed: {
      message: `This is not a planner link${detail ? ` (${detail})` : ''}.`,
      hint: `Check that you copied the whole link, ${ASK_FOR_FILE}.`,
    },
    truncated: {
      message: 'This link is incomplete: its end is missing.',
      hint: `Chat, ticket and mail tools sometimes cut long links. Copy the whole link again, ${ASK_FOR_FILE}.`,
    },
    corrupt: {
      message: `This link is damaged: ${detail ?? 'its checksum does not match its content'}.`,
      hint: `Some characters were changed or lost on the way. Copy the link again from the original message, ${ASK_FOR_FILE}.`,
    },
    'newer-version': {
      message: `This link was made with a newer version of the planner (link format ${detail ?? '?'}; this planner reads link formats ${readableFormats(PERMALINK_VERSION)}), so opening it here could lose parts of the plan.`,
      hint: 'Update this planner (reload the page, or ask whoever runs it for the latest version), or open the link in the planner that made it.',
    },
    'unknown-version': {
      message: `This link has a link format this planner does not know (${detail ?? '?'}).`,
      hint: `Check that you copied the whole link, ${ASK_FOR_FILE}.`,
    },
    'invalid-plan': {
      message: `This link opened, but the plan in it is not valid${detail ? `: ${detail}` : ''}.`,
      hint: `Ask the sender to share the plan again, ${ASK_FOR_FILE.replace('or ask the sender for', 'or to send')}.`,
    },
  };
  return { ok: false, error: { code, ...errors[code] } };
}

// ---------------------------------------------------------------- bytes: CRC-32, base64url

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as in zip and PNG) over several byte arrays in sequence. */
export function crc32(...parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const bytes of parts) {
    for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((ch, i) => [ch, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    if (b1 !== undefined) out += B64[(n >> 6) & 63];
    if (b2 !== undefined) out += B64[n & 63];
  }
  return out;
}

/** Strict base64url (no padding); null for any other character or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of text) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o] = (value >> bits) & 0xff;
      o += 1;
    }
  }
  // Leftover bits must be zero, so that each byte string has exactly one encoding.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

function checksumOf(version: string, data: Uint8Array): string {
  const c = crc32(new TextEncoder().encode(`${version}.`), data);
  return toBase64Url(new Uint8Array([c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff]));
}

const CHECKSUM_CHARS = 6;

// ---------------------------------------------------------------- inflate with an output cap

class OutputCapError extends Error {}

/**
 * Inflates deflate-raw data, stopping as soon as the output passes `maxBytes` (the cap works
 * while inflating: input goes in small chunks, so a bomb never gets far past the cap).
 * Returns null when the cap is passed; throws on invalid deflate data.
 */
export function inflateCapped(
  data: Uint8Array,
  maxBytes: number,
  dictionary?: Uint8Array,
): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > maxBytes) throw new OutputCapError();
    chunks.push(chunk);
  };
  const inflater = dictionary ? new Inflate({ dictionary }, onData) : new Inflate(onData);
  // Deflate tops out near 1,030:1, so a 64-byte step yields at most ~66 kB past the cap.
  const STEP = 64;
  try {
    for (let i = 0; i < data.length; i += STEP) {
      const end = Math.min(i + STEP, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof OutputCapError) return null;
    throw e;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// ---------------------------------------------------------------- normalising pasted links

const TRAILING_JUNK = /[>)\]}'".,;:!?]+$/;
const LEADING_JUNK = /^[<([{'"]+/;

/**
 * Undoes what chat, ticket and mail tools do to links: wrapping whitespace and line breaks,
 * percent-encoding (even twice), a surrounding <...> or (...), trailing punctuation. Also accepts
 * a whole link or fragment (takes what follows the last "/open/"). Null when it cannot be decoded.
 */
export function normalizePayload(raw: string): string | null {
  let text = raw.replace(/\s+/g, '');
  for (let i = 0; i < 3 && text.includes('%'); i += 1) {
    try {
      text = decodeURIComponent(text).replace(/\s+/g, '');
    } catch {
      return null;
    }
  }
  const marker = text.lastIndexOf('/open/');
  if (marker >= 0) text = text.slice(marker + '/open/'.length);
  return text.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '');
}

// ---------------------------------------------------------------- encode / decode

/** Encodes a plan as a permalink payload (deterministic: the same plan gives the same link). */
export function encodePlan(plan: Plan, options: CodecOptions = {}): string {
  const json = JSON.stringify(toCompact(plan, { catalogVersion: options.catalogVersion }));
  const wire = WIRE_FORMATS[PERMALINK_VERSION] ?? {};
  const compressed = deflateSync(new TextEncoder().encode(json), {
    level: 9,
    ...(wire.dictionary ? { dictionary: wire.dictionary } : {}),
  });
  const version = String(PERMALINK_VERSION);
  return `${version}.${toBase64Url(compressed)}.${checksumOf(version, compressed)}`;
}

const VERSION_PATTERN = /^[1-9][0-9]{0,5}$/;
const B64_PATTERN = /^[A-Za-z0-9_-]*$/;

function decodeUnsafe(input: unknown, options: CodecOptions): DecodeResult {
  if (typeof input !== 'string') return fail('malformed', 'it is not text');
  // 1. Cap the input before any other work.
  if (input.length > PERMALINK_LIMITS.payloadChars) return fail('too-large');
  if (input.trim() === '') return fail('empty');

  // 2. Undo re-encodings.
  const text = normalizePayload(input);
  if (text === null) return fail('corrupt', 'it holds a broken %-escape');
  if (text === '') return fail('empty');

  // 3. Envelope and version.
  const parts = text.split('.');
  const versionText = parts[0] ?? '';
  if (!VERSION_PATTERN.test(versionText)) {
    return fail('malformed', 'it does not start with a link format number');
  }
  const version = Number(versionText);
  if (version > PERMALINK_VERSION) return fail('newer-version', versionText);
  const wire = WIRE_FORMATS[version];
  if (!wire) return fail('unknown-version', versionText);
  if (parts.length < 3) return fail('truncated');
  if (parts.length > 3) return fail('malformed', 'it has too many parts');
  const [, dataText = '', checksumText = ''] = parts;
  if (!B64_PATTERN.test(dataText) || !B64_PATTERN.test(checksumText)) {
    return fail('corrupt', 'it contains characters a planner link never has');
  }
  if (checksumText.length < CHECKSUM_CHARS) return fail('truncated');
  if (checksumText.length > CHECKSUM_CHARS) {
    return fail('corrupt', 'its checksum has the wrong length');
  }
  if (dataText === '') return fail('truncated');

  // 4. Checksum before inflating anything.
  const data = fromBase64Url(dataText);
  if (data === null) return fail('corrupt', 'characters were lost or added');
  if (checksumOf(versionText, data) !== checksumText) return fail('corrupt');

  // 5. Inflate with the output cap, decode UTF-8, parse JSON. JSON.parse makes a __proto__ key
  //    an own property (no prototype is touched); the steps below refuse it, never drop it.
  let inflated: Uint8Array | null;
  try {
    inflated = inflateCapped(data, PERMALINK_LIMITS.inflatedBytes, wire.dictionary);
  } catch {
    return fail('corrupt', 'its content cannot be unpacked');
  }
  if (inflated === null) {
    return fail(
      'too-large',
      `This link unpacks to more than ${PERMALINK_LIMITS.inflatedBytes / 1024} kB, far more than any plan needs.`,
    );
  }
  let compact: unknown;
  try {
    compact = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated)) as unknown;
  } catch {
    return fail('corrupt', 'its content is not readable');
  }

  // 6. Link migrations, expansion, the plan validators.
  const migrated = migrateCompact(compact, version);
  if (!migrated.ok) return fail('invalid-plan', migrated.error);
  const expanded = fromCompact(migrated.compact, planFormatOfLink(version));
  if (!expanded.ok) return fail('invalid-plan', expanded.errors.join('; '));
  const checked = migratePlan(expanded.plan);
  if (!checked.ok) return fail('invalid-plan', checked.errors.slice(0, 3).join('; '));

  const warnings: string[] = [];
  if (migrated.applied.length > 0) {
    warnings.push(
      `This link was made by an earlier version of the planner (link format ${version}); it was updated to the current format.`,
    );
  }
  if (expanded.unreadableCatalogVersion !== null) {
    warnings.push(
      `This link names its port catalog with ${expanded.unreadableCatalogVersion}, which is not a catalog version; it was ignored. The rule sheet follows this planner's catalog${options.catalogVersion ? ` (${options.catalogVersion})` : ''} and may differ from the one the sender saw.`,
    );
  } else if (
    options.catalogVersion &&
    expanded.catalogVersion &&
    expanded.catalogVersion !== options.catalogVersion
  ) {
    warnings.push(
      `This link was made with port catalog ${quoteInput(expanded.catalogVersion)}; this planner uses ${options.catalogVersion}. The rule sheet follows the current catalog and may differ from the one the sender saw.`,
    );
  }
  return { ok: true, plan: checked.plan, warnings, version };
}

/** Decodes a permalink payload (or a whole pasted link). Never throws. */
export function decodePlan(input: unknown, options: CodecOptions = {}): DecodeResult {
  try {
    return decodeUnsafe(input, options);
  } catch {
    // Defence in depth: nothing above should throw, but the UI must never see an exception.
    return fail('corrupt', 'it could not be read');
  }
}

/** Canonical JSON (sorted keys): equal for plans that mean the same, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** Whether two plans are the same plan (key order ignored). */
export function samePlan(a: Plan, b: Plan): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
