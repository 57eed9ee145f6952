// Node's URL gives custom schemes such as app:// the origin "null", so origins are compared as
// scheme + host ourselves.
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}
