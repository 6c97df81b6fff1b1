import { describe, expect, it } from 'vitest';
import { numberLocale, parseNumberText } from '../../src/core/numbers';

const en = numberLocale('en_US');
const cs = numberLocale('cs_CZ');

function value(text: string, locale = en): number | string {
  const p = parseNumberText(text, locale);
  return p.ok ? p.value : p.why;
}

describe('number-like text', () => {
  it('knows which locales write decimal commas', () => {
    expect(numberLocale('en_US').decimal).toBe('.');
    expect(numberLocale('en_GB').decimal).toBe('.');
    expect(numberLocale('cs_CZ').decimal).toBe(',');
    expect(numberLocale('pl_PL').decimal).toBe(',');
    expect(numberLocale('hu_HU').decimal).toBe(',');
    expect(numberLocale('de_CH').decimal).toBe('.');
  });

  it('reads plain, grouped, signed and percent text', () => {
    expect(value('42')).toBe(42);
    expect(value(' -3.5 ')).toBe(-3.5);
    expect(value('1,000')).toBe(1000);
    expect(value('1 000')).toBe(1000);
    expect(value('1\u00a0234\u00a0567.25')).toBe(1234567.25);
    expect(value('5%')).toBeCloseTo(0.05, 15);
    expect(value('1e3')).toBe(1000);
    expect(value('12,5', cs)).toBe(12.5);
    expect(value('1 000,5', cs)).toBe(1000.5);
    expect(value('1.000', cs)).toBe(1000);
    expect(value('12,5 %', cs)).toBeCloseTo(0.125, 15);
  });

  it('refuses what would be misread', () => {
    expect(value('12,5')).toMatch(/uses "," as a decimal separator/);
    expect(value('12.5', cs)).toMatch(/uses "." as a decimal separator/);
    expect(value('1,00,000')).toBe('is not a number');
    expect(value('1,000 000')).toBe('is not a number');
    expect(value('abc')).toBe('is not a number');
    expect(value('')).toBe('is blank');
  });
});

describe('number text with a leading +', () => {
  it('is the number, in either locale, with groups, decimals, exponents and percent', () => {
    expect(value('+5')).toBe(5);
    expect(value(' + 5 ')).toBe(5);
    expect(value('+1,000.25')).toBe(1000.25);
    expect(value('+1e3')).toBe(1000);
    expect(value('+5%')).toBeCloseTo(0.05, 15);
    expect(value('+12,5', cs)).toBe(12.5);
    expect(value('+1 000,5', cs)).toBe(1000.5);
  });

  it('is refused when it is no number: a sign alone, two signs, a sign after the digits', () => {
    expect(value('+')).toBe('is not a number');
    expect(value('++5')).toBe('is not a number');
    expect(value('+-5')).toBe('is not a number');
    expect(value('5+')).toBe('is not a number');
    expect(value('+12,5')).toMatch(/uses "," as a decimal separator/);
  });
});
