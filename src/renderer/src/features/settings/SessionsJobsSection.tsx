import { useId, useState } from 'react';
import type { RouteInput } from '../../../../shared/contract/types';
import { SETTING_LIMITS } from '../../../../shared/domain/settings';
import { RangeField } from './RangeField';
import { rangeProblem } from './validation';
import { SaveRow } from './SaveRow';
import settings from './SettingsPage.module.css';
import { useSettingsSave } from './useSettingsSave';

/**
 * Idle sign-out, how many generation jobs run at once and how much each person may import, checked
 * with main's own limits.
 */
export function SessionsJobsSection({
  idleTimeoutMinutes,
  maxParallelJobs,
  importLimitMb,
}: {
  idleTimeoutMinutes: number;
  maxParallelJobs: number;
  importLimitMb: number;
}) {
  const id = useId();
  const [idle, setIdle] = useState(String(idleTimeoutMinutes));
  const [parallel, setParallel] = useState(String(maxParallelJobs));
  const [importLimit, setImportLimit] = useState(String(importLimitMb));
  const { save, saved, submit, edited } = useSettingsSave();

  const idleProblem = rangeProblem(idle, SETTING_LIMITS.idleTimeoutMinutes, 'minutes');
  const parallelProblem = rangeProblem(parallel, SETTING_LIMITS.maxParallelJobs, 'jobs');
  const importLimitProblem = rangeProblem(importLimit, SETTING_LIMITS.importLimitMb, 'MB');
  // only what changed is sent, so the audit log records real changes
  const changes: RouteInput<'settings.update'> = {
    ...(!idleProblem && Number(idle) !== idleTimeoutMinutes ? { idleTimeoutMinutes: Number(idle) } : {}),
    ...(!parallelProblem && Number(parallel) !== maxParallelJobs ? { maxParallelJobs: Number(parallel) } : {}),
    ...(!importLimitProblem && Number(importLimit) !== importLimitMb ? { importLimitMb: Number(importLimit) } : {}),
  };
  const canSave = !idleProblem && !parallelProblem && !importLimitProblem && Object.keys(changes).length > 0 && !save.isPending;

  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sessions, jobs and imports</h2>
      <form className={settings.form} onSubmit={submit(canSave, () => changes)} noValidate>
        <RangeField
          label="Sign out after inactivity (minutes)"
          value={idle}
          limits={SETTING_LIMITS.idleTimeoutMinutes}
          hint={`${SETTING_LIMITS.idleTimeoutMinutes.min}–${SETTING_LIMITS.idleTimeoutMinutes.max} minutes without activity end a session.`}
          problem={idleProblem}
          onChange={edited(setIdle)}
        />
        <RangeField
          label="Generation jobs running at once"
          value={parallel}
          limits={SETTING_LIMITS.maxParallelJobs}
          hint={`${SETTING_LIMITS.maxParallelJobs.min}–${SETTING_LIMITS.maxParallelJobs.max} on this computer; more wait in the queue.`}
          problem={parallelProblem}
          onChange={edited(setParallel)}
        />
        <RangeField
          label="Imported images each person may keep (MB)"
          value={importLimit}
          limits={SETTING_LIMITS.importLimitMb}
          hint="Imports past this are refused until the person deletes some imported images; 2048 MB is a few thousand photos."
          problem={importLimitProblem}
          onChange={edited(setImportLimit)}
        />
        <SaveRow
          error={save.error}
          status={saved ? 'Saved.' : null}
          label="Save session and job settings"
          pending={save.isPending}
          disabled={!canSave}
        />
      </form>
    </section>
  );
}
