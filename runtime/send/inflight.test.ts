import { describe, expect, it } from 'vitest';
import { SendSlots } from './inflight';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SendSlots', () => {
  it('lets at most perPage calls of one Page run, in arrival order, and Pages apart', async () => {
    const slots = new SendSlots(2);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    for (let i = 0; i < 5; i++)
      void slots.acquire('p1').then((release) => {
        order.push(i);
        releases.push(release);
      });
    const other = await slots.acquire('p2'); // another Page is not held up
    await tick();
    expect(order).toEqual([0, 1]);
    expect(slots.inFlight('p1')).toBe(2);
    releases[0]!();
    releases[0]!(); // a second call of the same release frees nothing more
    await tick();
    expect(order).toEqual([0, 1, 2]);
    expect(slots.inFlight('p1')).toBe(2);
    for (let i = 1; i < 5; i++) {
      releases[i]!();
      await tick();
    }
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(slots.inFlight('p1')).toBe(0);
    other();
    expect(slots.inFlight('p2')).toBe(0);
  });

  it('refuses a cap below one', () => {
    expect(() => new SendSlots(0)).toThrow('sends in flight must be a whole number of 1 or more');
  });
});
