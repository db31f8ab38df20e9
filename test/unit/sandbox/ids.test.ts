import { IdGenerator, TsClock, compareTs, isTs } from '../../../src/sandbox/ids';

describe('TsClock', () => {
  it('hands out strictly increasing ts values even when the clock stands still', () => {
    const clock = new TsClock(() => 1_700_000_000_000);
    const values = [clock.next(), clock.next(), clock.next()];
    expect(values).toEqual(['1700000000.000000', '1700000000.000100', '1700000000.000200']);
    expect(values.every(isTs)).toBe(true);
  });

  it('never goes backwards when the clock does', () => {
    let now = 1_700_000_005_000;
    const clock = new TsClock(() => now);
    const first = clock.next();
    now -= 10_000;
    expect(compareTs(clock.next(), first)).toBeGreaterThan(0);
  });
});

describe('compareTs', () => {
  it('compares by time rather than by string', () => {
    expect(compareTs('999999999.000001', '1000000000.000000')).toBeLessThan(0);
    expect(compareTs('1700000000.5', '1700000000.400000')).toBeGreaterThan(0);
  });
});

describe('IdGenerator', () => {
  it('issues distinct ids with the requested prefix', () => {
    const ids = new IdGenerator();
    const a = ids.next('C');
    const b = ids.next('C');
    expect(a).toMatch(/^C[0-9A-Z]{8}$/);
    expect(a).not.toBe(b);
  });
});
