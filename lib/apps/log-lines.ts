/**
 * Turns a pod log's bytes (with `timestamps=true`, each line is "<RFC 3339 time> <text>")
 * into lines for the browser: split on newlines across chunks, each line cut at
 * MAX_LINE_CHARS (so one runaway line cannot fill a browser or the server's memory),
 * the time split from the text.
 */
export const MAX_LINE_CHARS = 8_192;

export type LogLine = { time: string | null; text: string };

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) /;

export function parseLogLine(raw: string): LogLine {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  const match = TIMESTAMP.exec(line);
  const text = match ? line.slice(match[0].length) : line;
  return { time: match ? match[1]! : null, text: truncate(text) };
}

function truncate(text: string): string {
  if (text.length <= MAX_LINE_CHARS) return text;
  return `${text.slice(0, MAX_LINE_CHARS)} … [${text.length - MAX_LINE_CHARS} more characters cut]`;
}

/** Splits chunks into whole lines; a partial line waits for the next chunk (or flush), up to a bound. */
export class LogLineSplitter {
  private partial = "";
  private readonly decoder = new TextDecoder();

  push(chunk: Uint8Array): LogLine[] {
    const text = this.partial + this.decoder.decode(chunk, { stream: true });
    const parts = text.split("\n");
    this.partial = parts.pop() ?? "";
    // A line with no end in sight is sent as far as it goes: the waiting part stays bounded.
    if (this.partial.length > MAX_LINE_CHARS + 64) {
      parts.push(this.partial);
      this.partial = "";
    }
    return parts.map(parseLogLine);
  }

  flush(): LogLine[] {
    const rest = this.partial + this.decoder.decode();
    this.partial = "";
    return rest ? [parseLogLine(rest)] : [];
  }
}
