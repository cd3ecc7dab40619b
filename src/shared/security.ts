/**
 * Content Security Policy for every page of the app, in Electron and in the preview
 * host: only our own scripts, no eval, no inline scripts, no remote content.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** URL schemes the app may hand to the operating system, after confirmation. */
export const EXTERNAL_SCHEMES = ['https:', 'mailto:'] as const;
