import type { RouteInput } from '../../../shared/contract/types';
import { useMemo, useState } from 'react';
import type { JobDto } from '../../../shared/contract/routes/generation';
import type { VideoMode } from '../../../shared/domain/models';
import { videoOptionProblems } from '../../../shared/domain/videoRules';
import { call } from '../ipc/client';
import { GeneratorFrame } from '../features/generation/GeneratorFrame';
import { ImageSlots } from '../features/generation/ImageSlots';
import type { PickedImage } from '../features/generation/importImage';
import { JobResults } from '../features/generation/JobResults';
import { PromptField } from '../features/generation/PromptField';
import { Select } from '../features/generation/Select';
import { useGenerate } from '../features/generation/useGenerate';
import { allJobs, useJobs } from '../features/generation/useJobs';
import { earlierInputs } from '../features/generation/retryIntent';
import { param, pickedFrom, useIntentFor } from '../features/generation/useIntent';
import { pickModel, useModels } from '../features/generation/useModels';

type FormMode = Exclude<VideoMode, 'extend'> | 'continue';

interface VideoFormState {
  prompt: string;
  modelId?: string;
  mode: FormMode;
  firstFrame: PickedImage[];
  lastFrame: PickedImage[];
  references: PickedImage[];
  negativePrompt: string;
  aspectRatio?: string;
  resolution?: string;
  durationSeconds?: number;
  /** the finished video being continued, and how */
  continueFrom?: { mediaId: string; how: 'extend' | 'refine'; prompt: string };
}

const MODE_LABELS: Record<FormMode, string> = {
  text: 'Text to video',
  image: 'Animate an image',
  interpolation: 'First and last frame',
  references: 'Reference images',
  continue: 'Continue a video',
};

/**
 * One form for both video families: it offers what the chosen model can do and checks the same
 * rules main checks (shared/domain/videoRules.ts), so every option shown is one that is sent.
 */
export function VideoPage() {
  const { models } = useModels('video');
  const intent = useIntentFor('video');
  const [form, setForm] = useState<VideoFormState>(() => {
    const fromVideo = intent?.use === 'settings';
    // "try again": the frames and references of the earlier request come back too
    const earlier = (key: string) => {
      const value = intent?.retry ? intent.settings.params?.[key] : undefined;
      return earlierInputs(typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
    };
    const retriedMode = intent?.retry ? param<string>(intent, 'mode', 'string') : undefined;
    return {
      // "animate" from the gallery: the image becomes the first frame
      prompt: fromVideo ? (intent.settings.prompt ?? '') : '',
      modelId: fromVideo ? (intent.settings.model ?? undefined) : undefined,
      mode: intent?.use === 'source' ? 'image' : retriedMode === 'image' || retriedMode === 'interpolation' || retriedMode === 'references' ? retriedMode : 'text',
      firstFrame: intent?.use === 'source' ? [pickedFrom(intent)] : earlier('firstFrameId'),
      lastFrame: earlier('lastFrameId'),
      references: earlier('referenceIds'),
      negativePrompt: fromVideo ? (intent.settings.negativePrompt ?? '') : '',
      aspectRatio: fromVideo ? param(intent, 'aspectRatio', 'string') : undefined,
      resolution: fromVideo ? param(intent, 'resolution', 'string') : undefined,
      durationSeconds: fromVideo ? param(intent, 'durationSeconds', 'number') : undefined,
    };
  });
  const set = (patch: Partial<VideoFormState>) => setForm((f) => ({ ...f, ...patch }));
  const model = pickModel(models, form.modelId);
  const caps = model?.capabilities;
  const modes = (caps?.videoModes ?? ['text']).filter((m) => m !== 'extend') as FormMode[];

  const request = useMemo(() => {
    const continuing = form.mode === 'continue' ? form.continueFrom : undefined;
    return {
      prompt: form.prompt,
      model: model?.id,
      firstFrameId: form.mode === 'image' || form.mode === 'interpolation' ? form.firstFrame[0]?.id : undefined,
      lastFrameId: form.mode === 'interpolation' ? form.lastFrame[0]?.id : undefined,
      referenceIds: form.mode === 'references' ? form.references.map((r) => r.id) : [],
      negativePrompt: caps?.negativePrompt && form.negativePrompt.trim() ? form.negativePrompt.trim() : undefined,
      aspectRatio: form.aspectRatio,
      resolution: form.resolution,
      durationSeconds: form.durationSeconds,
      extendMediaId: continuing?.how === 'extend' ? continuing.mediaId : undefined,
      refineMediaId: continuing?.how === 'refine' ? continuing.mediaId : undefined,
    };
  }, [form, model, caps]);

  const problems = model ? videoOptionProblems(model, request) : [];
  if (form.mode === 'image' && !request.firstFrameId) problems.push('Add the image to animate.');
  if (form.mode === 'interpolation' && (!request.firstFrameId || !request.lastFrameId)) problems.push('Add a first and a last frame.');
  if (form.mode === 'references' && request.referenceIds.length === 0) problems.push('Add at least one reference image.');
  if (form.mode === 'continue' && !form.continueFrom) problems.push('Choose a finished video below to continue.');
  if (form.continueFrom?.how === 'refine' && !caps?.refine) problems.push(`${model?.label ?? 'This model'} cannot refine a video.`);

  const { generate, isPending, error } = useGenerate((input: RouteInput<'generation.video.create'>) =>
    call('generation.video.create', input),
  );
  const canSubmit = form.prompt.trim().length > 0 && problems.length === 0 && model !== undefined && !isPending;
  const submit = () => {
    if (canSubmit) generate(request);
  };

  const finishedVideos = allJobs(useJobs().data).filter((j) => j.kind === 'video' && j.status === 'succeeded' && j.results[0]);
  const continueWith = (job: JobDto, how: 'extend' | 'refine') =>
    set({ mode: 'continue', continueFrom: { mediaId: job.results[0]!.id, how, prompt: job.prompt }, modelId: job.model, prompt: '' });

  return (
    <GeneratorFrame
      id="video"
      title="Video"
      quota="video"
      onSubmit={submit}
      after={
        <>
          <JobResults kinds={['video']} title="Recent videos" />
          {finishedVideos.length > 0 && (
            <section aria-label="Continue a video">
              <h2>Continue a finished video</h2>
              <ul className="continue-list">
                {finishedVideos.slice(0, 6).map((job) => {
                  const family = models.find((m) => m.id === job.model)?.family;
                  return (
                    <li key={job.id}>
                      <span className="queue-prompt">{job.prompt}</span>
                      {family === 'omni' && (
                        <button type="button" onClick={() => continueWith(job, 'refine')}>
                          Refine
                        </button>
                      )}
                      <button type="button" onClick={() => continueWith(job, 'extend')}>
                        Extend
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </>
      }
    >
      <div className="option-row">
        <Select
          label="Model"
          value={model?.id}
          options={models.map((m) => ({ value: m.id, label: m.label }))}
          onChange={(modelId) => set({ modelId, aspectRatio: undefined, resolution: undefined, durationSeconds: undefined })}
        />
        <Select
          label="Mode"
          value={form.mode}
          options={[...modes, ...(form.continueFrom ? (['continue'] as FormMode[]) : [])].map((m) => ({ value: m, label: MODE_LABELS[m] }))}
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
      <div className="option-row">
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
          <input id="video-negative" value={form.negativePrompt} onChange={(e) => set({ negativePrompt: e.target.value })} placeholder="text, watermark" />
        </div>
      ) : (
        <p className="muted">{model?.label ?? 'This model'} has no negative prompt: write what to avoid in the prompt ("No text, no watermark").</p>
      )}
      {problems.length > 0 && (
        <ul className="problems" aria-live="polite">
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
      <button type="submit" className="primary" disabled={!canSubmit}>
        {isPending ? 'Sending…' : 'Generate video'}
      </button>
    </GeneratorFrame>
  );
}
