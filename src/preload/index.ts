// Preload bridge: replaced by the hardened shell's `window.studio = { request, on }`.
export {};
