/** Test helper: wraps any text in a valid format-1 envelope (right version and checksum). */
import { deflateSync } from 'fflate';

import { crc32, toBase64Url } from '@/core/permalink/codec';
import { DICTIONARY_V1 } from '@/core/permalink/dictionary-v1';

export function envelope(json: string, version = '1'): string {
  const data = deflateSync(new TextEncoder().encode(json), { level: 9, dictionary: DICTIONARY_V1 });
  const c = crc32(new TextEncoder().encode(`${version}.`), data);
  const checksum = toBase64Url(
    new Uint8Array([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]),
  );
  return `${version}.${toBase64Url(data)}.${checksum}`;
}
