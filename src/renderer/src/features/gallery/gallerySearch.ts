import { emptyToolbar, type ToolbarValues } from './GalleryToolbar';

/**
 * The gallery's view as it stands in the location (`#/gallery?item=…&kind=…&q=…`): the filters and
 * the item open in the lightbox. A link, the toast's "Open", and back/forward all land on the same
 * view; anything unknown or malformed in a typed or old address is dropped, never an error.
 */
export interface GallerySearch {
  /** the item open in the lightbox */
  item?: string;
  q?: string;
  kind?: 'image' | 'video' | 'input';
  model?: string;
  fav?: boolean;
  /** local calendar days, YYYY-MM-DD, as the date inputs give them */
  from?: string;
  to?: string;
  /** admins: one person's items */
  user?: string;
}

const KINDS = new Set(['image', 'video', 'input']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown): string | undefined {
  // the default search parser reads JSON: `?q=42` or `?q=true` arrive as a number or a boolean
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function parseGallerySearch(raw: Record<string, unknown>): GallerySearch {
  const search: GallerySearch = {};
  const item = text(raw.item);
  if (item) search.item = item;
  const q = text(raw.q);
  if (q) search.q = q;
  if (typeof raw.kind === 'string' && KINDS.has(raw.kind)) search.kind = raw.kind as GallerySearch['kind'];
  const model = text(raw.model);
  if (model) search.model = model;
  if (raw.fav === true || raw.fav === 'true' || raw.fav === 1 || raw.fav === '1') search.fav = true;
  const from = text(raw.from);
  if (from && DAY.test(from)) search.from = from;
  const to = text(raw.to);
  if (to && DAY.test(to)) search.to = to;
  const user = text(raw.user);
  if (user) search.user = user;
  return search;
}

export function toolbarOf(search: GallerySearch): ToolbarValues {
  return {
    ...emptyToolbar,
    search: search.q ?? '',
    kind: search.kind ?? '',
    model: search.model ?? '',
    favorite: search.fav === true,
    from: search.from ?? '',
    to: search.to ?? '',
    userId: search.user ?? '',
  };
}

/** The location for toolbar values; a filter change closes the lightbox (the item may not match). */
export function searchOf(values: ToolbarValues): GallerySearch {
  return parseGallerySearch({
    q: values.search,
    kind: values.kind,
    model: values.model,
    fav: values.favorite,
    from: values.from,
    to: values.to,
    user: values.userId,
  });
}
