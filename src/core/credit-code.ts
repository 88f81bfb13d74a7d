/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies an enterprise:
 * 18 characters from digits and 21 capital letters (no I, O, S, V, Z), characters 3–8 the region code
 * of the registering authority, the last a check character. Users (auth) and enterprises (cases) are
 * checked by the same rule.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a code, or null when one is not allowed. */
export function creditCodeCheck(first17: string): string | null {
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) {
    const value = CHARS.indexOf(first17[i] ?? '?');
    if (value < 0) return null;
    sum += value * weight;
  }
  return CHARS[(31 - (sum % 31)) % 31] ?? null;
}

/** Why `code` is not a unified social credit code, or null when it is one. */
export function creditCodeProblem(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return 'a unified social credit code is 18 digits and capital letters (no I, O, S, V, Z)';
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return 'characters 3–8 of a unified social credit code are a region code';
  if (creditCodeCheck(code.slice(0, 17)) !== code[17]) {
    return 'the check character of the unified social credit code does not match';
  }
  return null;
}

/** True for a well-formed code with a matching check character. */
export function isCreditCode(code: string): boolean {
  return (
    /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code) &&
    creditCodeCheck(code.slice(0, 17)) === code[17]
  );
}

/** A code completed with its check character (for the demo's enterprises). */
export function withCheck(first17: string): string {
  const check = creditCodeCheck(first17);
  if (check === null) throw new RangeError(`${first17} has characters a credit code does not use`);
  return first17 + check;
}

export const CREDIT_CODE_CHARS = CHARS;
