import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { mMeLink, pageFromInput, qrFileName, qrSvg } from './refLink';

describe('m.me links of ref triggers', () => {
  it('builds https://m.me/<page>?ref=<ref>, encoding the ref', () => {
    expect(mMeLink('shoeshop', 'summer-sale')).toBe('https://m.me/shoeshop?ref=summer-sale');
    expect(mMeLink('1234567890', 'a b&c')).toBe('https://m.me/1234567890?ref=a%20b%26c');
  });

  it('has no link without a Page or a ref', () => {
    expect(mMeLink(null, 'x')).toBeNull();
    expect(mMeLink('shop', '  ')).toBeNull();
  });

  it('takes the Page from a username, an id or a pasted address', () => {
    expect(pageFromInput(' shoeshop ')).toBe('shoeshop');
    expect(pageFromInput('@shoe.shop')).toBe('shoe.shop');
    expect(pageFromInput('https://m.me/shoeshop?ref=x')).toBe('shoeshop');
    expect(pageFromInput('https://www.facebook.com/shoeshop/')).toBe('shoeshop');
    expect(pageFromInput('1234567890')).toBe('1234567890');
    expect(pageFromInput('')).toBeNull();
    expect(pageFromInput('shoe shop')).toBeNull();
  });

  it('draws the QR code of exactly that link as SVG, with a quiet zone', async () => {
    const link = 'https://m.me/shoeshop?ref=summer-sale';
    const svg = await qrSvg(link);
    const expected = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules;
    const margin = 2;
    expect(svg).toContain(
      `viewBox="0 0 ${expected.size + 2 * margin} ${expected.size + 2 * margin}"`,
    );
    // Reads the dark modules back from the path: "M x y" moves, "m dx dy" moves by, "hN" draws N.
    const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    const dark = new Set<string>();
    let x = 0;
    let y = 0;
    for (const [, op, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?/g)) {
      if (op === 'M') [x, y] = [Number(a), Number(b)];
      else if (op === 'm') [x, y] = [x + Number(a), y + Number(b)];
      else
        for (let i = 0; i < Number(a); i++) dark.add(`${x++ - margin},${Math.floor(y) - margin}`);
    }
    const want = new Set<string>();
    for (let row = 0; row < expected.size; row++)
      for (let col = 0; col < expected.size; col++)
        if (expected.get(row, col)) want.add(`${col},${row}`);
    expect(dark).toEqual(want);
    expect(await qrSvg('https://m.me/shoeshop?ref=other')).not.toBe(svg);
  });

  it('names the saved file after the flow and the ref', () => {
    expect(qrFileName('shop', 'summer sale!', 'png')).toBe('shop-summer-sale.png');
    expect(qrFileName('shop', '///', 'svg')).toBe('shop-ref.svg');
  });
});
