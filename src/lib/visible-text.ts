/** White space (\s covers U+FEFF) and the zero-width characters U+200B–U+200D and U+2060, which show nothing. */
const INVISIBLE = /^[\s\u200B-\u200D\u2060]*$/u;

/** Whether a text shows anything: not empty, not only spaces or zero-width characters. */
export const hasVisibleText = (text: string): boolean => !INVISIBLE.test(text);
