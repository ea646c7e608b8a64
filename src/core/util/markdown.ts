/**
 * Escaping text for Markdown, in the two ways the extension needs. They differ in who reads the
 * result: Markdown that is only ever rendered (a hover) can escape everything; a report file that
 * people also read as plain text escapes only what would become markup.
 */

/**
 * Text as inert Markdown, for Markdown that is only rendered (hovers): every Markdown punctuation
 * character backslash-escaped and `&`, `<`, `>` as entities, so that no link, autolink, command,
 * image, theme icon (`$(…)`), HTML or block can come out of it.
 */
export function escapeMarkdownInert(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~=:$]/g, '\\$&');
}

/**
 * Text for inside a line of a Markdown file that people also read as text (the export report):
 * only the characters that can open markup wherever they occur are escaped ("\\", "`", "*", "_",
 * "[", "]", "<", ">", "&", "|", "~", "$"); CommonMark lets a backslash escape any ASCII
 * punctuation. What can open a block only at the start of a line is the caller's to escape.
 */
export function escapeMarkdownReadable(s: string): string {
  return s.replace(/[\\`*_[\]<>&|~$]/gu, '\\$&');
}

/** A name (a tag) as an inline code span: a backtick in it, which would end the span, becomes an apostrophe. */
export function markdownCodeSpan(name: string): string {
  return `\`${name.replace(/`/gu, "'")}\``;
}
