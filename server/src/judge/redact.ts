// Keeps secrets (the API key) out of log lines, error messages, evidence and caches.
// Besides the configured key, any value of an authorization-like header is removed:
// a gateway that echoes the request headers back (`authorization: Bearer <key>`)
// would otherwise put the key into scores, output files and the verdict cache.

const REDACTED = "[redacted]";

/**
 * `name`, a separator (`: `, `=`, `": "`, also JSON-escaped `\": \"`), an optional
 * scheme word, then the value up to a quote, space, comma, semicolon or brace.
 */
const NAMES = "(?:proxy-)?authorization|x-api-key|api[-_]?key|x-goog-api-key|ocp-apim-subscription-key";
const HEADER_VALUE = new RegExp(
  String.raw`\b(${NAMES})(\\?["']?\s*[:=]\s*\\?["']?)(?!(?:(?:bearer|basic|token|key)\s+)?\[redacted\])((?:bearer|basic|token|key)\s+)?([^\s"'\\,;}\]]+)`,
  "gi",
);
/** A JSON key naming such a header (`{"authorization": "Bearer ..."}`): its whole string value goes. */
const HEADER_NAME = new RegExp(`^(?:${NAMES})$`, "i");
const SCHEME = /^((?:bearer|basic|token|key)\s+)?[\s\S]*$/i;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out.replace(HEADER_VALUE, (_match, name: string, separator: string, scheme: string | undefined) => `${name}${separator}${scheme ?? ""}${REDACTED}`);
}

/** `redact` applied to every string (keys included) of a parsed JSON value; returns a copy. */
export function redactJson(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[redact(key, secrets)] = HEADER_NAME.test(key) && typeof item === "string" ? item.replace(SCHEME, `$1${REDACTED}`) : redactJson(item, secrets);
    }
    return out;
  }
  return value;
}
