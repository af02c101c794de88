// White space checks shared by reading (cells, headers) and identity keys (names): most values
// have no run of white space and no space other than " ", and a character loop says so faster
// than a regular expression.

/** White space as JavaScript's `\s` knows it. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True when the text has two white-space characters in a row or one that is not a space (`/\s\s|[^\S ]/`). */
export function unusualSpace(text: string): boolean {
  let previous = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0xa0) {
      previous = false;
      continue;
    }
    const space = isSpace(c);
    if (space && (c !== 32 || previous)) return true;
    previous = space;
  }
  return false;
}
