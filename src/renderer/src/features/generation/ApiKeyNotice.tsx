import { useAppStatus } from '../../queries/app';

/**
 * Says before anyone types a prompt that nothing can be generated yet: main would refuse every
 * request with NO_API_KEY until an admin sets a key.
 */
export function ApiKeyNotice() {
  const status = useAppStatus();
  if (!status.data || status.data.apiKeySet) return null;
  return (
    <p className="notice" role="note" data-testid="no-api-key">
      No Gemini API key is set on this workstation yet, so nothing can be generated. An admin adds one in Admin → Settings.
    </p>
  );
}
