import { describe, expect, it } from '@jest/globals';
import { announcedStep, percentOf, sizeLabel, uploadIdFromUrl } from './uploadProgress';

describe('uploadIdFromUrl', () => {
  it('takes the last segment of an absolute or relative upload address', () => {
    expect(uploadIdFromUrl('http://localhost:3000/api/uploads/abc123')).toBe('abc123');
    expect(uploadIdFromUrl('/api/uploads/7f0c1e9a2b')).toBe('7f0c1e9a2b');
    expect(uploadIdFromUrl('https://x.org/api/uploads/abc%2Bdef/?q=1')).toBe('abc+def');
  });

  it('is null without an upload address', () => {
    expect(uploadIdFromUrl(null)).toBeNull();
    expect(uploadIdFromUrl('')).toBeNull();
    expect(uploadIdFromUrl('/api/uploads/')).toBeNull();
    expect(uploadIdFromUrl('/api/files/abc')).toBeNull();
  });
});

describe('percentOf', () => {
  it('reaches 100 only when every byte is sent', () => {
    expect(percentOf(0, 1000)).toBe(0);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
  });
});

describe('announcedStep', () => {
  it('announces each quarter once, when it is passed', () => {
    expect(announcedStep(0, 24)).toBeNull();
    expect(announcedStep(24, 25)).toBe(25);
    expect(announcedStep(25, 49)).toBeNull();
    expect(announcedStep(49, 60)).toBe(50);
    expect(announcedStep(99, 100)).toBe(100);
  });

  it('announces only the highest step of a jump', () => {
    expect(announcedStep(10, 80)).toBe(75);
    expect(announcedStep(0, 100)).toBe(100);
  });

  it('says nothing when progress goes back (a resumed upload re-sends a chunk)', () => {
    expect(announcedStep(60, 40)).toBeNull();
  });
});

describe('sizeLabel', () => {
  it('writes sizes in decimal units', () => {
    expect(sizeLabel(40_000_000, 'en')).toBe('40 MB');
    expect(sizeLabel(1_500, 'en')).toBe('1.5 kB');
    expect(sizeLabel(12, 'en')).toBe('12 byte');
  });
});
