// A stack of small integers (0-255) in a growing Uint8Array: one byte a slot where a JS
// array of strings or numbers takes eight, for stacks as deep as a response is long.

export class ByteStack {
  private bytes = new Uint8Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = value;
  }

  /** `count` pushes of one value, filled natively. */
  pushRun(value: number, count: number): void {
    if (this.length + count > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < this.length + count) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.fill(value, this.length, this.length + count);
    this.length += count;
  }

  /** The top value (undefined when empty). */
  top(): number | undefined {
    return this.length > 0 ? this.bytes[this.length - 1] : undefined;
  }

  pop(): number | undefined {
    return this.length > 0 ? this.bytes[--this.length] : undefined;
  }

  clear(): void {
    this.length = 0;
  }
}
