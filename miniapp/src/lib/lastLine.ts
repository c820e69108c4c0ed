/**
 * Where a label may wrap: everything before its last two characters, and those two, which stay
 * together so no line ends up holding one character alone (CJK breaks between any two
 * characters). Spaces between the two go with them: `候补第 1 位` keeps `1 位` together.
 */
export function splitLastTwo(text: string): [string, string] {
  const m = /\S\s*\S\s*$/u.exec(text)
  if (!m || m.index === 0) return [text, '']
  return [text.slice(0, m.index), text.slice(m.index)]
}
