export function format(_text: string, _options?: FormatOptions): string | undefined { return undefined; }
export interface FormatOptions { indent?: number }
