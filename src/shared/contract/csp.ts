/**
 * The renderer's Content Security Policy (ARCHITECTURE.md): only our own scripts and styles, media
 * from our own scheme, no plugins, no framing, no base-URI tricks. Delivered as a header and as a
 * <meta> in index.html.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' studio-media: data: blob:; " +
  "media-src 'self' studio-media:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
