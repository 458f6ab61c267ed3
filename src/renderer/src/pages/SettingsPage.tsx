import { isStudioError } from '../../../shared/contract/errors';
import { useSettings } from '../queries/settings';
import { ApiKeySection } from '../features/settings/ApiKeySection';
import { DefaultModelAccessSection } from '../features/settings/DefaultModelAccessSection';
import { DefaultQuotasSection } from '../features/settings/DefaultQuotasSection';
import { DiagnosticsSection } from '../features/settings/DiagnosticsSection';
import { GoogleProjectSection } from '../features/settings/GoogleProjectSection';
import { ModelCatalogueSection } from '../features/settings/ModelCatalogueSection';
import { PricesSection } from '../features/settings/PricesSection';
import { SessionsJobsSection } from '../features/settings/SessionsJobsSection';

/** Admin → Settings (docs/generation-and-jobs.md): the API key, session and job limits, the Google project and its queue limits, default quotas, the model catalogue, logs and diagnostics. */
export function SettingsPage() {
  const settings = useSettings();
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {settings.isPending && <p aria-busy="true">Loading settings…</p>}
      {settings.isError && (
        <p className="form-error" role="alert">
          {isStudioError(settings.error) ? settings.error.message : 'The settings could not be loaded.'}
        </p>
      )}
      {settings.data && (
        <>
          <ApiKeySection status={settings.data.apiKey} />
          <SessionsJobsSection
            idleTimeoutMinutes={settings.data.idleTimeoutMinutes}
            maxParallelJobs={settings.data.maxParallelJobs}
            importLimitMb={settings.data.importLimitMb}
          />
          <GoogleProjectSection
            spendLimitPer10MinutesMicros={settings.data.spendLimitPer10MinutesMicros}
            rateLimitMaxWaitMinutes={settings.data.rateLimitMaxWaitMinutes}
          />
          <DefaultQuotasSection defaultQuotas={settings.data.defaultQuotas} />
          <DefaultModelAccessSection access={settings.data.defaultModelAccess} catalogue={settings.data.catalogue} />
          <ModelCatalogueSection catalogue={settings.data.catalogue} modelCheck={settings.data.modelCheck} />
          <PricesSection catalogue={settings.data.catalogue} prices={settings.data.prices} />
        </>
      )}
      {/* also when the settings cannot be read: the log is where to look then */}
      <DiagnosticsSection />
    </section>
  );
}
