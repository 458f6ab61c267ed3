import { formatDateTime } from '../../components/format';
import { useId, useState } from 'react';
import type { RouteInput, RouteOutput } from '../../../../shared/contract/types';
import { formatUsd, MICRO_USD_PER_USD } from '../../../../shared/domain/pricing';
import { GOOGLE_SPEND_TIERS, SETTING_LIMITS } from '../../../../shared/domain/settings';
import { useProjectShape } from '../../queries/settings';
import { RangeField } from './RangeField';
import { rangeProblem } from './validation';
import { SaveRow } from './SaveRow';
import settings from './SettingsPage.module.css';
import { useSettingsSave } from './useSettingsSave';
import styles from './GoogleProjectSection.module.css';

type Shape = RouteOutput<'settings.project.get'>;

/**
 * The Google project behind the shared key, as the job queue sees it (docs/generation-and-jobs.md,
 * "The queue"): where the key comes from, the spend of the last 10 minutes, the jobs
 * waiting on Google's rate limit or the spend limit, the catalogue's last check — and the two
 * settings that shape the queue: the spend limit per 10 minutes and how long to wait out a 429.
 */
export function GoogleProjectSection({
  spendLimitPer10MinutesMicros,
  rateLimitMaxWaitMinutes,
}: {
  spendLimitPer10MinutesMicros: number | null;
  rateLimitMaxWaitMinutes: number;
}) {
  const id = useId();
  const shape = useProjectShape();
  const [limit, setLimit] = useState(spendLimitPer10MinutesMicros === null ? '' : String(spendLimitPer10MinutesMicros / MICRO_USD_PER_USD));
  const [wait, setWait] = useState(String(rateLimitMaxWaitMinutes));
  const { save, saved, submit, edited } = useSettingsSave();

  const limitMicros = parseUsd(limit);
  const limitProblem = limitMicros === undefined ? 'Enter an amount in dollars from 0.01 to 100000, or leave it empty for no limit.' : null;
  const waitProblem = rangeProblem(wait, SETTING_LIMITS.rateLimitMaxWaitMinutes, 'minutes');
  const changes: RouteInput<'settings.update'> = {
    ...(limitMicros !== undefined && limitMicros !== spendLimitPer10MinutesMicros ? { spendLimitPer10MinutesMicros: limitMicros } : {}),
    ...(!waitProblem && Number(wait) !== rateLimitMaxWaitMinutes ? { rateLimitMaxWaitMinutes: Number(wait) } : {}),
  };
  const canSave = !limitProblem && !waitProblem && Object.keys(changes).length > 0 && !save.isPending;

  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Google project</h2>
      <p className="muted">
        Google’s rate and spend limits count the whole project behind the key, not each person. Jobs take turns across people, wait out a “rate limit
        reached” answer instead of failing, and wait for the spend limit below.
      </p>
      {shape.data && <ProjectFacts shape={shape.data} />}
      {shape.isError && <p className="form-error">The project’s state could not be read.</p>}
      <form className={settings.form} onSubmit={submit(canSave, () => changes)} noValidate>
        <div className={`${settings.field} ${styles.wide}`}>
          <label htmlFor={`${id}-limit`}>Google spend limit per 10 minutes (USD)</label>
          <input
            id={`${id}-limit`}
            inputMode="decimal"
            value={limit}
            placeholder="No limit"
            aria-invalid={limitProblem !== null}
            aria-describedby={`${id}-limit-hint${limitProblem ? ` ${id}-limit-problem` : ''}`}
            onChange={(e) => edited(setLimit)(e.target.value)}
          />
          <div id={`${id}-limit-hint`} className="hint">
            <p>
              A job starts only while the cost of the jobs started in the last 10 minutes (estimated until they finish) plus its own estimate fits;
              others wait with “starts in about N min”. Empty: no limit. Set it a little under your project’s tier, which Google enforces by refusing
              requests:
            </p>
            <table className={styles.tiers}>
              <caption className="visually-hidden">Google’s spend limits by tier</caption>
              <thead>
                <tr>
                  <th scope="col">Tier</th>
                  <th scope="col">Per 10 minutes</th>
                  <th scope="col">Total billing cap</th>
                  <th scope="col">How a project gets there</th>
                </tr>
              </thead>
              <tbody>
                {GOOGLE_SPEND_TIERS.map((t) => (
                  <tr key={t.tier}>
                    <th scope="row">{t.tier}</th>
                    <td>{formatUsd(t.per10MinutesUsd * MICRO_USD_PER_USD)}</td>
                    <td>{t.billingCap}</td>
                    <td>{t.reach}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {limitProblem && (
            <p id={`${id}-limit-problem`} className="field-problem" role="alert">
              {limitProblem}
            </p>
          )}
        </div>
        <RangeField
          label="Wait for Google’s rate limit (minutes)"
          value={wait}
          limits={SETTING_LIMITS.rateLimitMaxWaitMinutes}
          hint={`A job Google refuses with “rate limit reached” tries again when Google says; after this long (${SETTING_LIMITS.rateLimitMaxWaitMinutes.min}–${SETTING_LIMITS.rateLimitMaxWaitMinutes.max} minutes) it fails and the person’s unit is given back.`}
          problem={waitProblem}
          onChange={edited(setWait)}
        />
        <SaveRow error={save.error} status={saved ? 'Saved.' : null} label="Save project limits" pending={save.isPending} disabled={!canSave} />
      </form>
    </section>
  );
}

function ProjectFacts({ shape }: { shape: Shape }) {
  const check = shape.modelCheck;
  return (
    <dl className={styles.facts} data-testid="project-facts">
      <div>
        <dt>API key</dt>
        <dd>{shape.keySource === 'stored' ? 'Stored in Settings' : shape.keySource === 'environment' ? 'From GEMINI_API_KEY' : 'None set'}</dd>
      </div>
      <div>
        <dt>Spend in the last 10 minutes</dt>
        <dd>
          ≈ {formatUsd(shape.spendLast10MinMicros)}
          {shape.spendLimitPer10MinutesMicros !== null ? ` of ${formatUsd(shape.spendLimitPer10MinutesMicros)}` : ' (no limit)'}
        </dd>
      </div>
      <div>
        <dt>Waiting on Google’s rate limit</dt>
        <dd>{jobs(shape.waitingOnRateLimit)}</dd>
      </div>
      <div>
        <dt>Waiting on the spend limit</dt>
        <dd>{jobs(shape.waitingOnSpendLimit)}</dd>
      </div>
      <div>
        <dt>Models last checked</dt>
        <dd>
          {check ? `${formatDateTime(check.at)} — ${check.outcome === 'ok' ? 'Google answered' : (check.message ?? 'the check failed')}` : 'Not yet'}
        </dd>
      </div>
    </dl>
  );
}

function jobs(n: number): string {
  return n === 0 ? 'None' : `${n} ${n === 1 ? 'job' : 'jobs'}`;
}

/** Dollars as typed → micro-dollars; null for empty (no limit), undefined when not an amount main accepts. */
function parseUsd(text: string): number | null | undefined {
  const value = text.trim().replace(/^\$/, '');
  if (value === '') return null;
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(value)) return undefined;
  const micros = Math.round(Number(value) * MICRO_USD_PER_USD);
  const { min, max } = SETTING_LIMITS.spendLimitPer10MinutesMicros;
  return micros >= min && micros <= max ? micros : undefined;
}
