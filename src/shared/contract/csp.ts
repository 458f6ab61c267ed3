/**
 * The renderer's Content-Security-Policy. Main sends it as a response header for every app document
 * and the renderer's index.html repeats it in a <meta http-equiv> tag, so it holds even where a
 * header cannot be attached.
 *
 * Threat: script injection (a crafted prompt or file name rendered as HTML). With no inline script,
 * no eval and no remote origin, injected markup cannot run code or send data anywhere; media only
 * loads through `studio-media:`, which checks the session.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' studio-media: data: blob:",
  "media-src 'self' studio-media:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
