// How a measure's reference is written in chat: "2.2", "10.4a", or without a dot, "5", as plans give
// them. A reference ends at a space or the end of the text, so "2015/16" and "15/16" are periods, never
// reference 20 or 15.
export const REF_TEXT = '\\d{1,2}(?:\\.\\d+)*[a-z]?(?![\\w./-])';

/** Only a reference with a dot, where a bare number would mean something else ("in 2 days"). */
export const DOTTED_REF_TEXT = '\\d{1,2}(?:\\.\\d+)+[a-z]?(?![\\w./-])';

const WHOLE_REF = new RegExp(`^${REF_TEXT}$`, 'i');

export const isRef = (text: string): boolean => WHOLE_REF.test(text);
