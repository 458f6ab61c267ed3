import { useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import { GENERATION_OUTCOMES, GENERATION_OUTCOME_LABELS, type GenerationOutcome } from '../../../shared/domain/generationLog';
import { UNIT_QUOTA_KINDS } from '../../../shared/domain/quotas';
import type { JobKind } from '../../../shared/domain/jobs';
import { QUOTA_KIND_NOUNS } from '../../../shared/domain/quotaStatus';
import { GenerationLogTable } from '../features/records/GenerationLogTable';
import { type GenerationLogFilters, useGenerationLog } from '../queries/records';
import { DateRangeFilter, PersonFilter } from '../features/records/RecordFilters';
import records from '../features/records/records.module.css';
import styles from './GenerationLogPage.module.css';

/**
 * Admin → Generation log (docs/records.md): every generation attempt of the admin and the people
 * they manage — who, when, where, what, how it ended, what it charged, and the prompt — newest first.
 * "Blocked" in the outcome filter lists every prompt the safety filters stopped.
 */
export function GenerationLogPage() {
  const [userId, setUserId] = useState('');
  const [kind, setKind] = useState<JobKind | ''>('');
  const [outcome, setOutcome] = useState<GenerationOutcome | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const rangeInvalid = from !== '' && to !== '' && from > to;
  const filters: GenerationLogFilters = {
    limit: 50,
    ...(userId ? { userId } : {}),
    ...(kind ? { kind } : {}),
    ...(outcome ? { outcome } : {}),
    ...(from && !rangeInvalid ? { from } : {}),
    ...(to && !rangeInvalid ? { to } : {}),
    ...(search ? { text: search } : {}),
  };
  const log = useGenerationLog(filters);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(userId || kind || outcome || from || to || search);

  return (
    <section className="page" aria-labelledby="generation-log-title">
      <h1 id="generation-log-title">Generation log</h1>
      <p className="muted">Every image, edit and video asked for by you and the people you manage, however it ended.</p>
      <form
        className={`filters ${records.filters}`}
        role="search"
        aria-label="Filter the generation log"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(text.trim());
        }}
      >
        <PersonFilter label="Person" value={userId} onChange={setUserId} />
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as JobKind | '')}>
            <option value="">All kinds</option>
            {UNIT_QUOTA_KINDS.map((k) => (
              <option key={k} value={k}>
                {QUOTA_KIND_NOUNS[k].title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as GenerationOutcome | '')}>
            <option value="">All outcomes</option>
            {GENERATION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {GENERATION_OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        <DateRangeFilter from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <label className={styles.search}>
          Prompt contains
          <input type="search" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">Search</button>
        <button
          type="button"
          className={filtered ? undefined : styles.hidden}
          aria-hidden={!filtered}
          tabIndex={filtered ? undefined : -1}
          onClick={() => {
            setUserId('');
            setKind('');
            setOutcome('');
            setFrom('');
            setTo('');
            setText('');
            setSearch('');
          }}
        >
          Clear filters
        </button>
      </form>
      {rangeInvalid && (
        <p className="form-error" role="alert">
          Choose a start date on or before the end date.
        </p>
      )}
      {log.isError && (
        <p className="form-error" role="alert">
          {isStudioError(log.error) ? log.error.message : 'The generation log could not be loaded.'}
        </p>
      )}
      <GenerationLogTable entries={entries} busy={log.isFetching} />
      {entries.length === 0 && !log.isPending && (
        <p className="muted">{filtered ? 'No attempts match these filters.' : 'Nothing has been generated yet.'}</p>
      )}
      <p className={styles.footer}>
        {log.hasNextPage ? (
          <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? 'Loading…' : 'Load older attempts'}
          </button>
        ) : (
          entries.length > 0 && <span className="muted">That is every attempt{filtered ? ' that matches' : ''}.</span>
        )}
      </p>
    </section>
  );
}
