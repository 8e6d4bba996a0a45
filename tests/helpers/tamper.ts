// Edits a signature's last character so the result always differs from it. Always writing the same
// letter would leave the signature unchanged whenever it already ended with that letter (1 in 16 for a
// 43-character base64url HMAC), and the "tampered link is refused" tests would fail now and then.
export function tamperedSignature(sig: string | null): string {
  const s = sig ?? '';
  return `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;
}
