// /metrics in the Prometheus text format: label values escaped as the format says, and the
// acknowledgement histogram's buckets inclusive, cumulative and closed by +Inf, as prom-client
// writes them from this runtime's own registry.
import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';

const sample = (text: string, series: string) =>
  text
    .split('\n')
    .find((line) => line.startsWith(`${series} `))
    ?.slice(series.length + 1);

describe('metrics', async () => {
  it('escapes backslash, double quote and line feed in label values', async () => {
    const m = new Metrics();
    m.inc('t_total', 'Test.', { reason: 'C:\\path' });
    m.inc('t_total', 'Test.', { reason: 'say "hi"' });
    m.inc('t_total', 'Test.', { reason: 'two\nlines' });
    m.inc('t_total', 'Test.', { reason: 'say _hi_' }, 5);
    const text = await m.render();
    expect(sample(text, 't_total{reason="C:\\\\path"}')).toBe('1');
    expect(sample(text, 't_total{reason="say \\"hi\\""}')).toBe('1');
    expect(sample(text, 't_total{reason="two\\nlines"}')).toBe('1');
    // Distinct values stay distinct series.
    expect(sample(text, 't_total{reason="say _hi_"}')).toBe('5');
    expect(await m.get('t_total', { reason: 'say "hi"' })).toBe(1);
    // Every sample is one line.
    expect(text.split('\n').filter((l) => l.startsWith('t_total'))).toHaveLength(4);
  });

  it('keeps labels in name order whatever order they were given in', async () => {
    const m = new Metrics();
    m.inc('t_total', 'Test.', { b: '2', a: '1' });
    m.inc('t_total', 'Test.', { a: '1', b: '2' });
    expect(sample(await m.render(), 't_total{a="1",b="2"}')).toBe('2');
  });

  it('escapes HELP text and renders gauges', async () => {
    const m = new Metrics();
    const text = await m.render({ t_open: { help: 'Open\nrows \\ now.', value: 3 } });
    expect(text).toContain('# HELP t_open Open\\nrows \\\\ now.\n# TYPE t_open gauge\nt_open 3\n');
  });

  it('counts a time equal to a bound in that bucket, cumulatively, up to +Inf', async () => {
    const m = new Metrics();
    for (const ms of [1, 1.5, 2, 5000, 6000]) m.observeAck(ms);
    const text = await m.render();
    const h = 'threadline_webhook_ack_seconds';
    const buckets = text
      .split('\n')
      .filter((l) => l.startsWith(`${h}_bucket`))
      .map((l) => /le="([^"]+)"} (\d+)$/.exec(l)!.slice(1));
    expect(buckets).toEqual([
      ['0.001', '1'],
      ['0.002', '3'],
      ['0.005', '3'],
      ['0.01', '3'],
      ['0.025', '3'],
      ['0.05', '3'],
      ['0.1', '3'],
      ['0.25', '3'],
      ['0.5', '3'],
      ['1', '3'],
      ['5', '4'],
      ['+Inf', '5'],
    ]);
    expect(Number(sample(text, `${h}_sum`))).toBeCloseTo(11.0045, 9);
    expect(sample(text, `${h}_count`)).toBe('5');
    expect(text).toContain(`# TYPE ${h} histogram`);
  });

  it("keeps each runtime's counts in its own registry", async () => {
    const a = new Metrics();
    const b = new Metrics();
    a.inc('t_total', 'Test.', { kind: 'x' });
    expect(await a.get('t_total', { kind: 'x' })).toBe(1);
    expect(await b.get('t_total', { kind: 'x' })).toBe(0);
    expect(await b.render()).not.toContain('t_total');
    expect(a.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('renders counters only once counted, and the histogram from the start', async () => {
    const text = await new Metrics().render();
    expect(text.match(/^# TYPE .*$/gm)).toEqual([
      '# TYPE threadline_webhook_ack_seconds histogram',
    ]);
  });
});
