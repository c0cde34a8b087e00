import { describe, expect, it } from '@jest/globals';
import { addMonths, termProgress } from './term';

describe('termProgress', () => {
  const start = new Date('2017-06-01');
  const end = addMonths('2017-06-01', 18);

  it('ends 18 calendar months after the start', () => {
    expect(end.toISOString().slice(0, 10)).toBe('2018-12-01');
  });

  it('is upcoming before the start, with nothing of the bar filled', () => {
    expect(termProgress(start, end, 18, new Date('2017-05-31'))).toEqual({
      fraction: 0,
      phase: 'upcoming',
      month: 1,
    });
  });

  it('counts calendar months while running', () => {
    expect(termProgress(start, end, 18, new Date('2017-06-01')).month).toBe(1);
    expect(termProgress(start, end, 18, new Date('2017-06-30')).month).toBe(1);
    expect(termProgress(start, end, 18, new Date('2017-07-01')).month).toBe(2);
    expect(termProgress(start, end, 18, new Date('2018-11-30')).month).toBe(18);
    const middle = termProgress(start, end, 18, new Date('2018-03-01'));
    expect(middle.phase).toBe('running');
    expect(middle.month).toBe(10);
    expect(middle.fraction).toBeGreaterThan(0.49);
    expect(middle.fraction).toBeLessThan(0.51);
  });

  it('has ended on the end date, with the bar full', () => {
    expect(termProgress(start, end, 18, end)).toEqual({ fraction: 1, phase: 'ended', month: 18 });
  });
});
