/** A checker's answer. The message must not reveal the expected output (tests may be hidden). */
export interface CheckResult {
  passed: boolean;
  message: string | null;
}
