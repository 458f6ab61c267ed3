import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { promptHistory } from '../services/drafts';

/** Drafts and prompt history: always the signed-in person's own, identity from the transport. */
export function draftHandlers(s: Services): Pick<Handlers, 'drafts.get' | 'drafts.save' | 'drafts.clear' | 'prompts.history'> {
  return {
    'drafts.get': ({ page }, { actor }) => s.drafts.get(actor, page),
    'drafts.save': ({ page, value }, { actor }) => s.drafts.save(actor, page, value),
    'drafts.clear': ({ page }, { actor }) => s.drafts.clear(actor, page),
    'prompts.history': (input, { actor }) => promptHistory(s.db, actor, input),
  };
}
