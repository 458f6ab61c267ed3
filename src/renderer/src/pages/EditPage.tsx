import type { RouteInput } from '../../../shared/contract/types';
import { useMemo, useState } from 'react';
import { call } from '../ipc/client';
import { ImageOptions } from '../features/generation/ImageOptions';
import { GeneratorFrame } from '../features/generation/GeneratorFrame';
import { ImageSlots } from '../features/generation/ImageSlots';
import { JobResults } from '../features/generation/JobResults';
import { PromptField } from '../features/generation/PromptField';
import { EstimateNote } from '../features/generation/EstimateNote';
import { useGenerate } from '../features/generation/useGenerate';
import { earlierInputs } from '../features/generation/retryIntent';
import { pickedFromItem, withInput } from '../features/generation/pickedImage';
import { param, pickedFrom, useIntentFor } from '../features/generation/useIntent';
import { pickModel, useModels } from '../queries/models';
import { QuotaFitNote, useQuotaFit } from '../features/quotas';
import type { EditFormState } from '../features/generation/drafts/draftForm';
import { useDraft } from '../features/generation/drafts/useDraft';

/** Edit an image by instruction; the result links to its source, so edits form a chain. */
export function EditPage() {
  const { models, isPending: modelsPending } = useModels('image');
  const intent = useIntentFor('edit');
  const [form, setForm] = useState<EditFormState>(() => ({
    // "edit this result" continues the chain: the item is the source, the instruction starts empty
    source: intent?.use === 'source' ? [pickedFrom(intent)] : [],
    prompt: intent?.use === 'settings' || intent?.retry ? (intent.settings.prompt ?? '') : '',
    modelId: intent?.settings.model ?? undefined,
    aspectRatio: intent ? param(intent, 'aspectRatio', 'string') : undefined,
    imageSize: intent ? param(intent, 'imageSize', 'string') : undefined,
    references: intent?.retry ? earlierInputs(intent.retry.referenceIds) : [],
  }));
  const correction = useDraft('edit', { form, replace: setForm, models, modelsReady: !modelsPending, opened: intent !== null });
  const model = pickModel(models, form.modelId);
  const set = (patch: Partial<EditFormState>) => setForm((f) => ({ ...f, ...patch }));
  const { generate, isPending, error } = useGenerate((input: RouteInput<'generation.image.edit'>) => call('generation.image.edit', input));
  const source = form.source[0];
  const fit = useQuotaFit('edit', 1);
  const canSubmit = Boolean(source) && form.prompt.trim().length > 0 && model !== undefined && fit.fits && !isPending;
  const submit = () => {
    if (!canSubmit || !source || !model) return;
    generate({
      sourceId: source.id,
      prompt: form.prompt,
      model: model.id,
      aspectRatio: form.aspectRatio,
      imageSize: form.imageSize,
      referenceIds: form.references.map((r) => r.id),
    });
  };

  // "Use as reference" on a result: the source while there is none, else an extra reference
  const actions = useMemo(
    () => ({
      onUseAsReference: (item: Parameters<typeof pickedFromItem>[0]) =>
        setForm((f) =>
          f.source.length === 0 ? { ...f, source: [pickedFromItem(item)] } : { ...f, references: withInput(f.references, pickedFromItem(item)) },
        ),
    }),
    [],
  );

  return (
    <GeneratorFrame
      id="edit"
      title="Edit"
      quota="edit"
      onSubmit={submit}
      kinds={['edit']}
      actions={actions}
      after={<JobResults kinds={['edit']} title="Recent edits" />}
    >
      <ImageSlots
        label="Source image"
        hint="The image to change."
        images={form.source}
        max={1}
        onChange={(s) => set({ source: s })}
        usedElsewhere={form.references.map((r) => r.id)}
      />
      <PromptField
        id="edit-prompt"
        history="edit"
        label="Instruction"
        value={form.prompt}
        placeholder="Make the sky stormy; keep the people as they are"
        onChange={(prompt) => set({ prompt })}
        onSubmit={submit}
      />
      {correction && (
        <p className="notice" role="status">
          {correction}
        </p>
      )}
      <ImageOptions models={models} model={model} values={form} onChange={set} aspectDefaultLabel="Keep the source's" />
      <ImageSlots
        label="Extra reference images"
        images={form.references}
        max={Math.max(0, (model?.capabilities.maxInputImages ?? 1) - 1)}
        onChange={(references) => set({ references })}
        usedElsewhere={form.source.map((s) => s.id)}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <QuotaFitNote id="edit-quota-fit" fit={fit} />
      <EstimateNote
        model={model?.id}
        order={{ kind: 'edit', count: 1, imageSize: form.imageSize, inputImages: form.source.length + form.references.length }}
      />
      <button type="submit" className="primary" disabled={!canSubmit} aria-describedby={fit.fits ? undefined : 'edit-quota-fit'}>
        {isPending ? 'Sending…' : 'Apply edit'}
      </button>
    </GeneratorFrame>
  );
}
