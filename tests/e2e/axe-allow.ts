/**
 * The axe-core violations the browser tests accept, each with its reason. Keep it short and honest:
 * a contrast or naming problem of our own is fixed in the component, not listed here.
 *
 * An entry matches a violation of `rule` whose axe target (CSS selector path) matches `target`, and
 * whose element's HTML matches `html` when given.
 */
export interface AxeAllowed {
  rule: string;
  target: RegExp;
  html?: RegExp;
  reason: string;
}

export const AXE_ALLOW: AxeAllowed[] = [];
