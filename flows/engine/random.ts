// A seedable random source (mulberry32) for simulations: the same seed gives the same split
// picks, so scenarios replay exactly. Its state is one number, so history can restore it.

export interface SeededRandom {
  next: () => number;
  state: () => number;
}

export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    state: () => a,
  };
}
