/**
 * Offsets to 0-based line and character (UTF-16) in one text, for offsets asked in ascending order
 * (each line break is passed once); an offset before the last one asked starts again from the top.
 * A line ends at "\n" (a CRLF's "\r" is the end of its line's characters, as in the editor).
 */
export class LineCounter {
  private line = 0;
  private lineStart = 0;
  private counted = 0;

  constructor(private readonly text: string) {}

  /** [line, character] of `offset`. */
  at(offset: number): [number, number] {
    if (offset < this.counted) {
      this.line = 0;
      this.lineStart = 0;
      this.counted = 0;
    }
    const text = this.text;
    for (let i = text.indexOf('\n', this.counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    this.counted = offset;
    return [this.line, offset - this.lineStart];
  }
}
