/** UTF-8 bytes as text, or where they stop being UTF-8: `{ invalidAt }` is the byte offset of the first bad sequence. */
export type DecodedUtf8 = { text: string } | { invalidAt: number; bytes: string };

/** fatal: a bad byte is an error, not a silent U+FFFD; a byte order mark is kept (callers drop it as an encoding mark) */
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 strictly. Invalid input (a stray continuation byte, a sequence cut short, an overlong form, an
 * encoded surrogate, a code point past U+10FFFF) is reported with the byte offset where it starts and its bytes
 * in hex (`ff`, `e4 bd`), instead of becoming U+FFFD without a word.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedUtf8 {
  try {
    return { text: STRICT.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes)!;
    const shown = Array.from(bytes.subarray(bad.at, bad.at + bad.length), (b) => b.toString(16).padStart(2, '0'));
    return { invalidAt: bad.at, bytes: shown.join(' ') };
  }
}

/** How to say it in a problem or an error answer: "not valid UTF-8 at byte offset 17 (ff)". */
export const invalidUtf8Message = (d: { invalidAt: number; bytes: string }, of = ''): string =>
  `not valid UTF-8 at byte offset ${d.invalidAt}${of} (${d.bytes})`;

/** The length a sequence starting with `lead` claims (1 for a byte that cannot start one). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/**
 * The first invalid sequence (the WHATWG decoder's rules): its offset and the length of the part that is bad (a
 * byte that starts nothing, or a lead byte with the continuation bytes it had before the sequence broke off);
 * undefined when all is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { at: number; length: number } | undefined {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 1) return { at: i, length: 1 };
    // the second byte's range is narrower after some leads: no overlong forms, no surrogates, nothing past U+10FFFF
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k += 1) {
      const b = bytes[i + k];
      const ok = b !== undefined && (k === 1 ? b >= low && b <= high : b >= 0x80 && b <= 0xbf);
      if (!ok) return { at: i, length: k };
    }
    i += length;
  }
  return undefined;
}
