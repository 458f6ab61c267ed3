import type { Envelope } from '../../../shared/contract/envelope';
import type { StudioEventName } from '../../../shared/contract/events';

/**
 * The two functions the preload (Electron) or the harness (browser) puts on `window.studio`.
 * Nothing else of main is reachable from the page.
 */
export interface StudioBridge {
  request(route: string, input: unknown): Promise<Envelope>;
  on(event: StudioEventName, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    studio?: StudioBridge;
  }
}

export function bridge(): StudioBridge {
  if (!window.studio) throw new Error('window.studio is missing: the page was not opened by the app or the harness');
  return window.studio;
}
