import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';

type MediaRoutes =
  | 'media.import'
  | 'media.list'
  | 'media.get'
  | 'media.favorite'
  | 'media.delete'
  | 'media.export'
  | 'media.stats'
  | 'media.count'
  | 'media.versions'
  | 'media.capabilities.get'
  | 'media.save_as'
  | 'media.reveal';

export function mediaHandlers(s: Services): Pick<Handlers, MediaRoutes> {
  const library = s.mediaLibrary;
  return {
    'media.import': (input, { actor }) => library.importImage(actor, input),
    'media.list': (input, { actor }) => library.list(actor, input),
    'media.get': (input, { actor }) => library.get(actor, input.id),
    'media.favorite': (input, { actor }) => library.setFavorite(actor, input.id, input.favorite),
    'media.delete': (input, { actor }) => library.delete(actor, input.ids),
    'media.export': (input, { actor, caller }) => library.export(actor, caller, input.ids),
    'media.stats': (_input, { actor }) => library.stats(actor),
    'media.count': (input, { actor }) => library.count(actor, input),
    'media.versions': (input, { actor }) => library.versions(actor, input.id),
    'media.capabilities.get': () => library.capabilities(),
    'media.save_as': (input, { actor, caller }) => library.saveAs(actor, caller, input.id),
    'media.reveal': (input, { actor }) => library.reveal(actor, input.id),
  };
}
