import { describe, expect, it } from 'vitest';
import { fitPadding, MINIMAP } from './fitPadding';

const px = (value: string) => Number(value.replace('px', ''));

describe('fitPadding', () => {
  it('reserves the strip below a wide flow, where a wide flow leaves room', () => {
    const padding = fitPadding({ width: 900, height: 700 }, { width: 3000, height: 400 });
    expect(px(padding.bottom)).toBeGreaterThan(MINIMAP.height + MINIMAP.margin);
    expect(px(padding.right)).toBeLessThan(MINIMAP.width);
  });

  it('reserves the strip beside a tall flow', () => {
    const padding = fitPadding({ width: 900, height: 700 }, { width: 300, height: 3000 });
    expect(px(padding.right)).toBeGreaterThan(MINIMAP.width + MINIMAP.margin);
    expect(px(padding.bottom)).toBeLessThan(MINIMAP.height);
  });

  it('keeps the zoom controls free on the left', () => {
    expect(px(fitPadding({ width: 900, height: 700 }, { width: 10, height: 10 }).left)).toBe(46);
  });
});
