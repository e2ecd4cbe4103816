import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password';

const cheap = { N: 1024, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('گذرواژه‌ی بلند من', cheap);
    expect(await verifyPassword('گذرواژه‌ی بلند من', stored)).toBe(true);
    expect(await verifyPassword('گذرواژه‌ی بلند مَن', stored)).toBe(false);
  });

  it('salts each hash, and records its cost so it can change later', async () => {
    const a = await hashPassword('same password', cheap);
    const b = await hashPassword('same password', cheap);
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$1024$8$1$')).toBe(true);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$abc$8$1$c2FsdA==$a2V5')).toBe(false);
  });

  it('generates different 23-character passwords without look-alike letters', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(a).not.toMatch(/[01lIoO]/);
    expect(generatePassword()).not.toBe(a);
  });
});
