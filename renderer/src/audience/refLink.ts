// m.me links and their QR codes for `ref` triggers (docs/format.md, trigger kinds): a link
// https://m.me/<page>?ref=<ref> opens the Page's chat and starts the flow at that trigger. The QR
// codes are drawn by the `qrcode` package; SVG as text, PNG through a canvas.
import QRCode from 'qrcode';

/**
 * The Page part of an m.me link from what the marketer typed: a username or id, or a pasted
 * address (m.me/…, facebook.com/…, with or without https:// and @). Null when nothing usable.
 */
export function pageFromInput(input: string): string | null {
  let text = input.trim();
  text = text
    .replace(/^https?:\/\//i, '')
    .replace(/^(www\.|web\.|m\.)?(m\.me|facebook\.com|fb\.com)\//i, '');
  text = text.replace(/^@/, '').split(/[/?#]/)[0] ?? '';
  return /^[A-Za-z0-9.]{1,100}$/.test(text) ? text : null;
}

/** The m.me link that opens the Page's chat with `ref`; null without a Page or a ref. */
export function mMeLink(page: string | null, ref: string): string | null {
  const trimmed = ref.trim();
  if (!page || trimmed === '') return null;
  return `https://m.me/${encodeURIComponent(page)}?ref=${encodeURIComponent(trimmed)}`;
}

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** The link's QR code as an SVG document. */
export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { ...QR_OPTIONS, type: 'svg' });
}

/** The link's QR code as a PNG data URL, `size` pixels wide (needs a canvas: browsers only). */
export function qrPngDataUrl(link: string, size = 512): Promise<string> {
  return QRCode.toDataURL(link, { ...QR_OPTIONS, type: 'image/png', width: size });
}

/** A file name for the saved code: `<flow>-<ref>.png`, with anything odd replaced. */
export function qrFileName(flowId: string, ref: string, ext: 'png' | 'svg'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'ref';
  return `${safe(flowId)}-${safe(ref)}.${ext}`;
}

/** Offers `href` as a download named `name` (the browser's or Electron's save). */
export function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}
