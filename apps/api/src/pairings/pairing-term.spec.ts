import { endOfTerm } from './pairing-term.js';

describe('endOfTerm', () => {
  it('adds the term in calendar months', () => {
    expect(endOfTerm('2017-12-01', 18)).toBe('2019-06-01');
    expect(endOfTerm('2017-03-01', 18)).toBe('2018-09-01');
    expect(endOfTerm('2017-09-15', 12)).toBe('2018-09-15');
  });

  it('ends on the last day of a shorter month rather than spilling into the next', () => {
    expect(endOfTerm('2017-08-31', 18)).toBe('2019-02-28');
    expect(endOfTerm('2018-08-31', 18)).toBe('2020-02-29');
  });

  it('is unknown when the start is', () => {
    expect(endOfTerm(null, 18)).toBeNull();
  });
});
