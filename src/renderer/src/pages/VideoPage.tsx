import type { RouteInput } from '../../../shared/contract/types';
import { useCallback, useMemo, useReducer } from 'react';
import type { JobDto } from '../../../shared/contract/routes/generation';
import type { MediaItem } from '../../../shared/contract/routes/media';
import { call } from '../ipc/client';
import { GeneratorFrame } from '../features/generation/GeneratorFrame';
import { ImageSlots } from '../features/generation/ImageSlots';
import { JobResults } from '../features/generation/JobResults';
import { PromptField } from '../features/generation/PromptField';
import { Select } from '../features/generation/Select';
import { EstimateNote } from '../features/generation/EstimateNote';
import { useGenerate } from '../features/generation/useGenerate';
import { useIntentFor } from '../features/generation/useIntent';
import { pickModel, useModels } from '../queries/models';
import { QuotaFitNote, useQuotaFit } from '../features/quotas';
import { useDraft } from '../features/generation/drafts/useDraft';
import { ContinueVideoList } from '../features/generation/video/ContinueVideoList';
import { useContinueLatest } from '../features/generation/video/useContinueLatest';
import frame from '../features/generation/GeneratorFrame.module.css';
import {
  initialVideoForm,
  MODE_LABELS,
  offeredModes,
  type ContinueFrom,
  type VideoFormState,
  videoFormReducer,
  videoProblems,
  videoRequest,
} from '../features/generation/video/videoForm';

/**
 * One form for both video families: it offers what the chosen model can do and checks the same
 * rules main checks (shared/domain/videoRules.ts), so every option shown is one that is sent.
 */
export function VideoPage() {
  const { models, isPending: modelsPending } = useModels('video');
  const intent = useIntentFor('video');
  const [form, dispatch] = useReducer(videoFormReducer, intent, initialVideoForm);
  const correction = useDraft('video', {
    form,
    replace: (state) => dispatch({ type: 'replace', state }),
    models,
    modelsReady: !modelsPending,
    opened: intent !== null,
  });
  const set = (patch: Partial<Omit<VideoFormState, 'modelId' | 'continueFrom'>>) => dispatch({ type: 'set', patch });
  const model = pickModel(models, form.modelId);
  const caps = model?.capabilities;
  const request = useMemo(() => videoRequest(form, model), [form, model]);
  const problems = videoProblems(form, model, request);

  // after a refine or extension is done, the form goes on from its result (the newest video)
  const advance = useCallback((from: ContinueFrom) => dispatch({ type: 'advance', from }), []);
  const latest = useContinueLatest(form.mode === 'continue' ? form.continueFrom : undefined, advance);
  const { generate, isPending, error } = useGenerate(async (input: RouteInput<'generation.video.create'>) => {
    const answer = await call('generation.video.create', input);
    const continued = input.refineMediaId ?? input.extendMediaId;
    latest.onSent(answer.jobIds, continued ? { mediaId: continued, how: input.refineMediaId ? 'refine' : 'extend', prompt: '' } : undefined);
    return answer;
  });
  const fit = useQuotaFit('video', 1);
  const canSubmit = form.prompt.trim().length > 0 && problems.length === 0 && model !== undefined && fit.fits && !isPending;
  const submit = () => {
    if (canSubmit) generate(request);
  };

  const continueWith = (job: JobDto, how: 'extend' | 'refine') =>
    dispatch({ type: 'continue', from: { mediaId: job.results[0]!.id, how, prompt: job.prompt }, modelId: job.model });

  // a result's "Refine"/"Extend" continues from that very result, in place
  const actions = useMemo(
    () => ({
      onContinueVideo: (item: MediaItem, how: 'refine' | 'extend') =>
        dispatch({ type: 'continue', from: { mediaId: item.id, how, prompt: item.prompt ?? '' }, modelId: item.model ?? '' }),
    }),
    [],
  );

  return (
    <GeneratorFrame
      id="video"
      title="Video"
      quota="video"
      onSubmit={submit}
      kinds={['video']}
      actions={actions}
      after={
        <>
          <JobResults kinds={['video']} title="Recent videos" />
          <ContinueVideoList models={models} onContinue={continueWith} />
        </>
      }
    >
      {correction && (
        <p className="notice" role="status">
          {correction}
        </p>
      )}
      <div className={frame.optionRow}>
        <Select
          label="Model"
          value={model?.id}
          options={models.map((m) => ({ value: m.id, label: m.label }))}
          onChange={(modelId) => dispatch({ type: 'model', modelId })}
        />
        <Select
          label="Mode"
          value={form.mode}
          options={offeredModes(model, form).map((m) => ({ value: m, label: MODE_LABELS[m] }))}
          onChange={(mode) => set({ mode })}
        />
      </div>
      {form.mode === 'continue' && form.continueFrom && (
        <p className="notice">
          {form.continueFrom.how === 'refine' ? 'Refining' : 'Extending'} “{form.continueFrom.prompt}”. Describe the change
          {form.continueFrom.how === 'extend' ? ' (for example "extend by 5 seconds as the camera rises")' : ' ("make the sky stormier")'}.
        </p>
      )}
      <PromptField
        id="video-prompt"
        history="video"
        label={form.mode === 'continue' ? 'Instruction' : 'Prompt'}
        value={form.prompt}
        onChange={(prompt) => set({ prompt })}
        onSubmit={submit}
      />
      {(form.mode === 'image' || form.mode === 'interpolation') && (
        <ImageSlots label="First frame" images={form.firstFrame} max={1} onChange={(firstFrame) => set({ firstFrame })} />
      )}
      {form.mode === 'interpolation' && (
        <ImageSlots label="Last frame" images={form.lastFrame} max={1} onChange={(lastFrame) => set({ lastFrame })} />
      )}
      {form.mode === 'references' && (
        <ImageSlots
          label="Reference images"
          hint={model?.family === 'omni' ? 'Subjects to keep in the video.' : 'Assets (a person, a product, a dress) to keep in the video.'}
          images={form.references}
          max={caps?.maxInputImages ?? 0}
          onChange={(references) => set({ references })}
        />
      )}
      <div className={frame.optionRow}>
        <Select
          label="Aspect ratio"
          value={form.aspectRatio}
          emptyLabel="Model default"
          options={(caps?.aspectRatios ?? []).map((r) => ({ value: r, label: r }))}
          onChange={(aspectRatio) => set({ aspectRatio })}
        />
        <Select
          label="Resolution"
          value={form.resolution}
          emptyLabel="Model default"
          options={(caps?.resolutions ?? []).map((r) => ({ value: r, label: r }))}
          onChange={(resolution) => set({ resolution })}
        />
        {caps && caps.durations.length > 0 && (
          <Select
            label="Duration"
            value={form.durationSeconds}
            emptyLabel="Model default"
            options={caps.durations.map((d) => ({ value: d, label: `${d} s` }))}
            onChange={(durationSeconds) => set({ durationSeconds })}
          />
        )}
      </div>
      {caps?.negativePrompt ? (
        <div>
          <label htmlFor="video-negative">Negative prompt</label>
          <input
            id="video-negative"
            value={form.negativePrompt}
            onChange={(e) => set({ negativePrompt: e.target.value })}
            placeholder="text, watermark"
          />
        </div>
      ) : (
        <p className="muted">{model?.label ?? 'This model'} has no negative prompt: write what to avoid in the prompt ("No text, no watermark").</p>
      )}
      {problems.length > 0 && (
        <ul className={frame.problems} aria-live="polite" aria-label="What this video still needs">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <QuotaFitNote id="video-quota-fit" fit={fit} />
      <EstimateNote model={model?.id} order={{ kind: 'video', resolution: request.resolution, durationSeconds: request.durationSeconds }} />
      <button type="submit" className="primary" disabled={!canSubmit} aria-describedby={fit.fits ? undefined : 'video-quota-fit'}>
        {isPending ? 'Sending…' : 'Generate video'}
      </button>
    </GeneratorFrame>
  );
}
