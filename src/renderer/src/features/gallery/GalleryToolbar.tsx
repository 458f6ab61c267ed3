import { useEffect, useRef, useState } from 'react';
import { MEDIA_QUERY_MAX_CHARS } from '../../../../shared/domain/media';
import type { MediaFilters } from '../../queries/media';
import { useMediaStats } from '../../queries/media';
import { PersonPicker } from '../../components/PersonPicker';
import { dateInputToMs } from './format';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import styles from './GalleryToolbar.module.css';

export interface ToolbarValues {
  search: string;
  kind: '' | 'image' | 'video' | 'input';
  model: string;
  favorite: boolean;
  from: string;
  to: string;
  /** admins: '' = everyone they can see, or one user id */
  userId: string;
}

export const emptyToolbar: ToolbarValues = { search: '', kind: '', model: '', favorite: false, from: '', to: '', userId: '' };

/** The list filters for toolbar values (dates are local calendar days; "to" includes its whole day). */
export function filtersOf(values: ToolbarValues): MediaFilters {
  const filters: MediaFilters = {};
  if (values.search.trim()) filters.query = values.search.trim();
  if (values.kind) filters.kind = values.kind;
  if (values.model) filters.model = values.model;
  if (values.favorite) filters.favorite = true;
  const from = dateInputToMs(values.from);
  const to = dateInputToMs(values.to, true);
  if (from !== undefined) filters.from = from;
  if (to !== undefined) filters.to = to;
  if (values.userId) filters.userId = values.userId;
  return filters;
}

export function isFiltered(values: ToolbarValues): boolean {
  return Object.keys(filtersOf(values)).length > 0;
}

/**
 * Search and filters. The search box waits until typing pauses before asking main; the model list
 * comes from `media.stats`, so it only offers what the person can actually see. An admin finds a
 * person by typing part of their email (PersonPicker: any of thousands of accounts they manage).
 */
export function GalleryToolbar({
  values,
  onChange,
  isAdmin,
}: {
  values: ToolbarValues;
  onChange: (values: ToolbarValues) => void;
  isAdmin: boolean;
}) {
  const stats = useMediaStats().data;
  const [search, setSearch] = useState(values.search);
  const debounced = useDebouncedValue(search, 300);
  // Only a pause in typing applies the search; "Clear filters" must not be undone by a late debounce.
  const latest = useRef({ values, onChange, applied: values.search });
  latest.current.values = values;
  latest.current.onChange = onChange;
  useEffect(() => {
    if (debounced === latest.current.applied) return;
    latest.current.applied = debounced;
    latest.current.onChange({ ...latest.current.values, search: debounced });
  }, [debounced]);
  useEffect(() => {
    latest.current.applied = values.search;
    setSearch(values.search);
  }, [values.search]);
  const set = <K extends keyof ToolbarValues>(key: K, value: ToolbarValues[K]) => onChange({ ...values, [key]: value });

  return (
    <div className={styles.toolbar} role="search">
      <input
        type="search"
        className={styles.search}
        aria-label="Search prompts"
        placeholder="Search prompts…"
        maxLength={MEDIA_QUERY_MAX_CHARS}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <select aria-label="Kind" value={values.kind} onChange={(event) => set('kind', event.target.value as ToolbarValues['kind'])}>
        <option value="">All kinds</option>
        <option value="image">Images</option>
        <option value="video">Videos</option>
        <option value="input">Imported</option>
      </select>
      <select aria-label="Model" value={values.model} onChange={(event) => set('model', event.target.value)}>
        <option value="">All models</option>
        {(stats?.models ?? []).map((model) => (
          <option key={model} value={model}>
            {model}
          </option>
        ))}
      </select>
      {isAdmin && (
        <PersonPicker
          label="User"
          hideLabel
          value={values.userId}
          valueEmail={stats?.managed?.users.find((user) => user.userId === values.userId)?.email}
          onChange={(userId) => set('userId', userId)}
        />
      )}
      <label className="inline">
        <input type="checkbox" checked={values.favorite} onChange={(event) => set('favorite', event.target.checked)} />
        Favourites
      </label>
      <label className="inline">
        From
        <input type="date" value={values.from} max={values.to || undefined} onChange={(event) => set('from', event.target.value)} />
      </label>
      <label className="inline">
        To
        <input type="date" value={values.to} min={values.from || undefined} onChange={(event) => set('to', event.target.value)} />
      </label>
      {isFiltered(values) && (
        <button type="button" onClick={() => onChange(emptyToolbar)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
