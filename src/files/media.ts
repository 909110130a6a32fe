/**
 * What a file's bytes are, from their first bytes, and how it may be
 * served. The type a client declares is a claim; the signature decides: a
 * page of HTML sent as image/png is refused, because served back from the
 * gateway's origin it could run script there.
 */

/** Bytes enough to tell every type below apart. */
export const SIGNATURE_BYTES = 512;

const SIGNATURES: Array<{ type: string; test: (head: Buffer) => boolean }> = [
  { type: "image/png", test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: "image/jpeg", test: (h) => h.length >= 3 && h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { type: "image/gif", test: (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString("latin1")) },
  { type: "image/webp", test: (h) => h.subarray(0, 4).toString("latin1") === "RIFF" && h.subarray(8, 12).toString("latin1") === "WEBP" },
  { type: "application/pdf", test: (h) => h.subarray(0, 5).toString("latin1") === "%PDF-" },
];

/** Markup a browser would render (and run script in) if it were served inline or sniffed. */
const MARKUP = /^\s*(<!doctype|<html|<head|<body|<script|<svg|<\?xml|<iframe|<object|<embed|<!--|<[a-z][a-z0-9]*[\s>])/i;

/** The type the bytes show, or null when they match no known signature. */
export function sniffType(head: Buffer): string | null {
  for (const { type, test } of SIGNATURES) if (test(head)) return type;
  if (head.includes(0)) return null;
  // Text: accepted as text/plain only when it cannot be taken for markup.
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  return MARKUP.test(text) ? "text/html" : "text/plain";
}

/** Normalises a declared type: lower case, no parameters; image/jpg and image/pjpeg are image/jpeg. */
export function declaredType(header: string | undefined): string | null {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  if (!type || type === "application/octet-stream") return null;
  return type === "image/jpg" || type === "image/pjpeg" ? "image/jpeg" : type;
}

/**
 * The type to record, or null to refuse: the bytes' own type must be
 * allowed, and agree with the declared one when the client declared one.
 */
export function acceptedType(declared: string | null, head: Buffer, allowed: readonly string[]): string | null {
  const sniffed = sniffType(head);
  if (sniffed === null || !allowed.includes(sniffed)) return null;
  if (declared !== null && declared !== sniffed) return null;
  return sniffed;
}

/** Types a browser shows without running anything; everything else is a download (HTML, SVG, XML, scripts, unknown). */
const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"]);

export function servedInline(contentType: string | null): boolean {
  return contentType !== null && INLINE_TYPES.has(contentType);
}

/**
 * A name safe to store and to put in a header: the last path segment
 * (`../../x` is `x`), no control or reserved characters, no leading dots,
 * at most 200 characters. The name never reaches the storage backend (keys
 * are tenant/id), but it is shown and offered as the download's name.
 */
export function sanitizeFileName(raw: string | undefined | null): string {
  const last = (raw ?? "").split(/[/\\]/).pop() ?? "";
  const cleaned = last
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 200)
    .trim();
  return cleaned === "" ? "file" : cleaned;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(inline: boolean, name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
