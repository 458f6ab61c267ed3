/** A setup code as main returned it once (main keeps only its hash). */
export interface IssuedCode {
  email: string;
  code: string;
  expiresAt: number;
}
