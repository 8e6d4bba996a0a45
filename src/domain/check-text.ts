// What a typed text (commentary, what is being done, a reason, a comment) may hold: something a reader
// can see, within its length, and no characters that hide or disguise what it says.

/** Control characters (other than tab and line breaks) and direction overrides, which can disguise text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Half of a UTF-16 pair on its own: not a character at all. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Characters that show nothing by themselves: spaces, format characters (Cf: zero-width spaces and
 * joiners, U+180E, byte-order marks, tags...), the default-ignorable ones (variation selectors, fillers,
 * the combining grapheme joiner) and the blank Braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Whether a text shows nothing at all: empty, or only spaces and invisible characters. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/**
 * Null when the text may be stored, else what is wrong and what to do. An empty text is for the caller
 * to judge (some are required, some optional); one that is not empty but shows nothing is refused.
 * Without `max`, the length is left to whatever carried the text (a chat message has its own limit).
 */
export function checkText(label: string, text: string, max = Number.POSITIVE_INFINITY): string | null {
  if (text.length > max) return `${label} is ${text.length} characters: shorten it to ${max} or fewer`;
  if (HIDDEN_CHARACTERS.test(text) || LONE_SURROGATE.test(text))
    return `${label} contains hidden control or direction characters: retype it as plain text`;
  if (text !== '' && isBlank(text))
    return `${label} has no visible text, only hidden characters: type it again as plain text`;
  return null;
}
