import { describe, expect, it } from '@jest/globals';
import { flagEmoji, utcOffsetMinutes } from './format';

describe('utcOffsetMinutes', () => {
  it('reads whole, half-hour and negative offsets', () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    expect(utcOffsetMinutes('Asia/Shanghai', winter)).toBe(480);
    expect(utcOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
    expect(utcOffsetMinutes('America/Bogota', winter)).toBe(-300);
    expect(utcOffsetMinutes('UTC', winter)).toBe(0);
  });

  it('follows daylight saving time', () => {
    expect(utcOffsetMinutes('Europe/Madrid', new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(utcOffsetMinutes('Europe/Madrid', new Date('2026-07-15T12:00:00Z'))).toBe(120);
  });
});

describe('flagEmoji', () => {
  it('turns an ISO country code into its flag', () => {
    expect(flagEmoji('es')).toBe('🇪🇸');
    expect(flagEmoji('CN')).toBe('🇨🇳');
  });

  it('gives nothing for what is not a country code', () => {
    expect(flagEmoji('')).toBe('');
    expect(flagEmoji('ESP')).toBe('');
  });
});
