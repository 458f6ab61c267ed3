import type { RouteInput } from '../../../shared/contract/types';
import { useMemo, useState } from 'react';
import { call } from '../ipc/client';
import { ImageOptions } from '../features/generation/ImageOptions';
import { GeneratorFrame } from '../features/generation/GeneratorFrame';
import { ImageSlots } from '../features/generation/ImageSlots';
import { JobResults } from '../features/generation/JobResults';
import { PromptField } from '../features/generation/PromptField';
import { Select } from '../features/generation/Select';
import { EstimateNote } from '../features/generation/EstimateNote';
import { useGenerate } from '../features/generation/useGenerate';
import { earlierInputs } from '../features/generation/retryIntent';
import { pickedFromItem, withInput } from '../features/generation/pickedImage';
import { param, useIntentFor } from '../features/generation/useIntent';
import { pickModel, useModels } from '../queries/models';
import { QuotaFitNote, useQuotaFit } from '../features/quotas';
import type { ImageFormState } from '../features/generation/drafts/draftForm';
import { useDraft } from '../features/generation/drafts/useDraft';

/** Generate images: one request per image, run in parallel, every image kept (docs/generation-and-jobs.md). */
export function ImagePage() {
  const { models, isPending: modelsPending } = useModels('image');
  const intent = useIntentFor('image');
  const [form, setForm] = useState<ImageFormState>(() => ({
    prompt: intent?.settings.prompt ?? '',
    modelId: intent?.settings.model ?? undefined,
    aspectRatio: intent ? param(intent, 'aspectRatio', 'string') : undefined,
    imageSize: intent ? param(intent, 'imageSize', 'string') : undefined,
    count: (intent && param<number>(intent, 'count', 'number')) || 1,
    references: intent?.retry ? earlierInputs(intent.retry.referenceIds) : [],
  }));
  const correction = useDraft('image', { form, replace: setForm, models, modelsReady: !modelsPending, opened: intent !== null });
  const model = pickModel(models, form.modelId);
  const set = (patch: Partial<ImageFormState>) => setForm((f) => ({ ...f, ...patch }));
  const { generate, isPending, error } = useGenerate((input: RouteInput<'generation.image.create'>) => call('generation.image.create', input));

  const fit = useQuotaFit('image', form.count);
  const canSubmit = form.prompt.trim().length > 0 && model !== undefined && fit.fits && !isPending;
  const submit = () => {
    if (!canSubmit || !model) return;
    generate({
      prompt: form.prompt,
      model: model.id,
      aspectRatio: form.aspectRatio,
      imageSize: form.imageSize,
      count: form.count,
      referenceIds: form.references.map((r) => r.id),
    });
  };

  // "Use as reference" on a result adds it to this form's references
  const actions = useMemo(
    () => ({
      onUseAsReference: (item: Parameters<typeof pickedFromItem>[0]) =>
        setForm((f) => ({ ...f, references: withInput(f.references, pickedFromItem(item)) })),
    }),
    [],
  );

  return (
    <GeneratorFrame
      id="image"
      title="Image"
      quota="image"
      onSubmit={submit}
      kinds={['image']}
      actions={actions}
      after={<JobResults kinds={['image']} title="Recent images" />}
    >
      <PromptField id="image-prompt" history="image" label="Prompt" value={form.prompt} onChange={(prompt) => set({ prompt })} onSubmit={submit} />
      {correction && (
        <p className="notice" role="status">
          {correction}
        </p>
      )}
      <ImageOptions models={models} model={model} values={form} onChange={set} aspectDefaultLabel="Model default">
        <Select
          label="Images"
          value={form.count}
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: String(n) }))}
          onChange={(count) => set({ count })}
        />
      </ImageOptions>
      <ImageSlots
        label="Reference images"
        hint="Optional: images the prompt can refer to (style, subject, objects)."
        images={form.references}
        max={model?.capabilities.maxInputImages ?? 0}
        onChange={(references) => set({ references })}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <QuotaFitNote id="image-quota-fit" fit={fit} />
      <EstimateNote model={model?.id} order={{ kind: 'image', count: form.count, imageSize: form.imageSize, inputImages: form.references.length }} />
      <button type="submit" className="primary" disabled={!canSubmit} aria-describedby={fit.fits ? undefined : 'image-quota-fit'}>
        {isPending ? 'Sending…' : form.count > 1 ? `Generate ${form.count} images` : 'Generate image'}
      </button>
    </GeneratorFrame>
  );
}
