import { IMAGE_SIZES, VIDEO_MODES, type VideoMode } from '../../../../shared/domain/models';
import { CheckboxGroup, TextField } from './FormFields';
import type { ModelFormField, ModelFormState } from './modelForm';
import settings from './SettingsPage.module.css';

const VIDEO_MODE_LABELS: Record<VideoMode, string> = {
  text: 'Text to video',
  image: 'Animate an image (first frame)',
  interpolation: 'First and last frame',
  references: 'Reference images',
  extend: 'Extend a previous video',
};

/**
 * What a model can do, as the generator pages will offer it. Only the fields of the model's kind
 * are shown; the rest are sent empty.
 */
export function CapabilitiesFields({
  form,
  problems,
  onChange,
}: {
  form: ModelFormState;
  problems: Partial<Record<ModelFormField, string>>;
  onChange: (patch: Partial<ModelFormState>) => void;
}) {
  const video = form.family !== 'gemini-image';
  return (
    <fieldset className={settings.capabilities}>
      <legend>Capabilities</legend>
      <TextField
        label="Aspect ratios"
        value={form.aspectRatios}
        hint="Separated by commas, like 16:9, 9:16."
        problem={problems.aspectRatios}
        onChange={(aspectRatios) => onChange({ aspectRatios })}
      />
      {!video && (
        <CheckboxGroup
          legend="Image sizes"
          options={IMAGE_SIZES.map((s) => ({ value: s, label: s }))}
          chosen={form.imageSizes}
          problem={problems.imageSizes}
          onChange={(imageSizes) => onChange({ imageSizes })}
        />
      )}
      {video && (
        <>
          <TextField
            label="Resolutions"
            value={form.resolutions}
            hint="Separated by commas, like 720p, 1080p, 4k."
            problem={problems.resolutions}
            onChange={(resolutions) => onChange({ resolutions })}
          />
          <TextField
            label="Durations (seconds)"
            value={form.durations}
            hint="Separated by commas, like 4, 6, 8. Empty when the model decides."
            problem={problems.durations}
            inputMode="numeric"
            onChange={(durations) => onChange({ durations })}
          />
          <CheckboxGroup
            legend="Ways to make a video"
            options={VIDEO_MODES.map((m) => ({ value: m, label: VIDEO_MODE_LABELS[m] }))}
            chosen={form.videoModes}
            problem={problems.videoModes}
            onChange={(videoModes) => onChange({ videoModes })}
          />
        </>
      )}
      <TextField
        label={video ? 'Reference images per video' : 'Input images per request'}
        value={form.maxInputImages}
        hint="0 to 14."
        problem={problems.maxInputImages}
        inputMode="numeric"
        onChange={(maxInputImages) => onChange({ maxInputImages })}
      />
      {video && (
        <label className="inline">
          <input type="checkbox" checked={form.negativePrompt} onChange={(e) => onChange({ negativePrompt: e.target.checked })} />
          Accepts a negative prompt
        </label>
      )}
      {form.family === 'omni' && (
        <label className="inline">
          <input type="checkbox" checked={form.refine} onChange={(e) => onChange({ refine: e.target.checked })} />
          Can refine a finished video
        </label>
      )}
    </fieldset>
  );
}
