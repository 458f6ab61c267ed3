import { randomUUID } from 'node:crypto';
import { StudioError } from '../../../shared/contract/errors';
import type { JobKind } from '../../../shared/domain/jobs';
import { accessRefusal, type AccessOrder, type ModelAccess, restrictCatalogue } from '../../../shared/domain/modelAccess';
import { type CatalogueModel, defaultModel, type ImageSize, isOffered } from '../../../shared/domain/models';
import type { CostFigure, PriceRules } from '../../../shared/domain/pricing';
import { estimateWithHold, rulesInForce } from '../../../shared/domain/priceTable';
import { videoModeOf, videoOptionProblems } from '../../../shared/domain/videoRules';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import type { Actor } from '../../identity';
import type { SettingsStore } from '../settings/settings';
import type { JobRepository, JobRow, NewJobRow } from './jobRepository';
import type { JobRunner } from './jobRunner';
import type { MediaPort, QuotaPort } from './ports';
import { withWriteTx } from '../../db/tx';

export interface ImageOrder {
  prompt: string;
  model?: string;
  aspectRatio?: string;
  imageSize?: string;
  count: number;
  referenceIds: string[];
  sourceId?: string;
  idempotencyKey?: string;
}

export interface VideoOrder {
  prompt: string;
  model?: string;
  firstFrameId?: string;
  lastFrameId?: string;
  referenceIds: string[];
  negativePrompt?: string;
  aspectRatio?: string;
  resolution?: string;
  durationSeconds?: number;
  extendMediaId?: string;
  refineMediaId?: string;
  idempotencyKey?: string;
}

export interface GenerationDeps {
  db: Db;
  clock: Clock;
  jobs: JobRepository;
  runner: JobRunner;
  quota: QuotaPort;
  media: MediaPort;
  settings: SettingsStore;
  workstation: () => WorkstationIdentity;
  /** the Gemini API key; throws NO_API_KEY when none is set */
  apiKey: () => string;
  /** which models, sizes and resolutions this person may use (docs/models-and-money.md) */
  modelAccess: (userId: string) => ModelAccess;
}

/**
 * Turns a generation request into durable jobs: validates it against the model's capabilities and
 * the video rules, checks every input is the caller's to use, reserves the quota for all of it in
 * the same immediate transaction that records the jobs, then hands them to the runner.
 */
export class GenerationService {
  constructor(private readonly deps: GenerationDeps) {}

  /** Refuses before anything is reserved: a job that can only fail should not exist. */
  private requireApiKey(): void {
    this.deps.apiKey();
  }

  /** What the generator pages may offer: enabled, and not reported missing by Google. */
  offeredModels(): CatalogueModel[] {
    return this.deps.settings.get('modelCatalogue').filter(isOffered);
  }

  /** The price rules in force for these models, by id: the generator's estimate uses exactly what main reserves. */
  pricesFor(models: CatalogueModel[]): Record<string, PriceRules> {
    const overrides = this.deps.settings.get('priceOverrides');
    return Object.fromEntries(
      models.flatMap((m) => {
        const rules = rulesInForce(m.id, overrides);
        return rules ? [[m.id, rules] as const] : [];
      }),
    );
  }

  /** The offered models narrowed to what this person may use: what their generator pages show. */
  modelsFor(actor: Actor): CatalogueModel[] {
    return restrictCatalogue(this.deps.modelAccess(actor.userId), this.offeredModels());
  }

  createImages(actor: Actor, order: ImageOrder): string[] {
    this.requireApiKey();
    const kind: JobKind = order.sourceId ? 'edit' : 'image';
    const model = this.model('image', order.model);
    const caps = model.capabilities;
    const inputIds = [...(order.sourceId ? [order.sourceId] : []), ...order.referenceIds];
    if (order.aspectRatio && !caps.aspectRatios.includes(order.aspectRatio)) {
      throw invalid(`${model.label} supports the aspect ratios ${caps.aspectRatios.join(', ')}.`, 'aspectRatio');
    }
    if (order.imageSize && !caps.imageSizes.includes(order.imageSize as never)) {
      throw invalid(
        caps.imageSizes.length ? `${model.label} makes images of size ${caps.imageSizes.join(', ')}.` : `${model.label} has a fixed size.`,
        'imageSize',
      );
    }
    if (inputIds.length > caps.maxInputImages) {
      throw invalid(`${model.label} takes at most ${caps.maxInputImages} input images per request.`, 'referenceIds');
    }
    if (new Set(inputIds).size !== inputIds.length) throw invalid('The same image is listed twice.', 'referenceIds');
    this.assertAccess(actor, model, { imageSize: order.imageSize });
    for (const id of inputIds) this.deps.media.assertInputImage(actor.userId, id);

    const params = { aspectRatio: order.aspectRatio, imageSize: order.imageSize, count: order.count };
    // priced per job (each image is its own call to Google): the same function the generator shows
    const perJob = estimateWithHold(
      model.id,
      { kind, count: 1, imageSize: order.imageSize as ImageSize | undefined, inputImages: inputIds.length },
      this.deps.settings.get('priceOverrides'),
    );
    return this.createJobs(actor, kind, order.count, order.idempotencyKey, perJob, (index) => ({
      provider: 'gemini-image',
      model: model.id,
      prompt: order.prompt,
      negativePrompt: null,
      params: { ...params, index },
      inputIds,
      parentMediaId: order.sourceId ?? null,
    }));
  }

  createVideo(actor: Actor, order: VideoOrder): string[] {
    this.requireApiKey();
    const model = this.model('video', order.model);
    if (order.extendMediaId && order.refineMediaId) throw invalid('Choose either extend or refine, not both.', 'refineMediaId');
    const options = { ...order, extendMediaId: order.extendMediaId };
    const problems = videoOptionProblems(model, options);
    if (order.refineMediaId && !model.capabilities.refine) problems.push(`${model.label} cannot refine a previous video.`);
    if (problems.length) throw new StudioError('VALIDATION_FAILED', problems.join(' '), { problems });
    this.assertAccess(actor, model, { resolution: order.resolution });

    const frameIds = [order.firstFrameId, order.lastFrameId].filter((id): id is string => Boolean(id));
    const inputIds = [...frameIds, ...order.referenceIds];
    for (const id of inputIds) this.deps.media.assertInputImage(actor.userId, id);

    // The provider's handle on the video being continued, captured now: it is what will be sent.
    const continued = order.extendMediaId ?? order.refineMediaId;
    let continuationRef: string | undefined;
    if (continued) {
      const previous = this.deps.media.videoForContinuation(actor.userId, continued);
      const sourceModel = this.deps.settings.get('modelCatalogue').find((m) => m.id === previous.model);
      if (!previous.providerRef || (sourceModel && sourceModel.family !== model.family)) {
        throw invalid(
          `This video can only be continued with a ${sourceModel?.family === 'omni' ? 'Gemini Omni' : 'Veo'} model that made it, while Google still keeps it (about two days).`,
          order.extendMediaId ? 'extendMediaId' : 'refineMediaId',
        );
      }
      continuationRef = previous.providerRef;
    }

    const params = {
      mode: videoModeOf(options),
      aspectRatio: order.aspectRatio,
      resolution: order.resolution,
      durationSeconds: order.durationSeconds,
      firstFrameId: order.firstFrameId,
      lastFrameId: order.lastFrameId,
      referenceIds: order.referenceIds.length ? order.referenceIds : undefined,
      ...(order.extendMediaId ? { extendFrom: continuationRef, extendMediaId: order.extendMediaId } : {}),
      ...(order.refineMediaId ? { refineFrom: continuationRef, refineMediaId: order.refineMediaId } : {}),
    };
    const estimate = estimateWithHold(
      model.id,
      { kind: 'video', resolution: order.resolution, durationSeconds: order.durationSeconds },
      this.deps.settings.get('priceOverrides'),
    );
    return this.createJobs(actor, 'video', 1, order.idempotencyKey, estimate, () => ({
      provider: model.family,
      model: model.id,
      prompt: order.prompt,
      negativePrompt: order.negativePrompt || null,
      params,
      inputIds,
      parentMediaId: continued ?? order.firstFrameId ?? null,
    }));
  }

  private createJobs(
    actor: Actor,
    kind: JobKind,
    count: number,
    idempotencyKey: string | undefined,
    priced: { estimate: CostFigure; holdMicros: number } | null,
    describe: (index: number) => Pick<NewJobRow, 'provider' | 'model' | 'prompt' | 'negativePrompt' | 'params' | 'inputIds' | 'parentMediaId'>,
  ): string[] {
    const now = this.deps.clock.now();
    const workstation = this.deps.workstation();
    let listedInputs: { userId: string; ids: string[] }[] = [];
    const jobIds = withWriteTx(this.deps.db, () => {
      if (idempotencyKey) {
        const existing = this.deps.jobs.byIdempotencyPrefix(actor.userId, idempotencyKey, count);
        if (existing.length) return existing.sort(byIndex).map((j) => j.id);
      }
      const rows: NewJobRow[] = Array.from({ length: count }, (_, index) => ({
        id: randomUUID(),
        userId: actor.userId,
        kind,
        status: 'queued',
        units: 1,
        idempotencyKey: idempotencyKey ? `${idempotencyKey}#${index}` : null,
        workstationHost: workstation.hostName,
        workstationUser: workstation.osUser,
        workstationIp: workstation.ipv4,
        createdAt: now + index, // keeps a batch in order in newest-first lists
        updatedAt: now,
        estimatedCostMicros: priced?.estimate.microUsd ?? null,
        priceAsOf: priced?.estimate.asOf ?? null,
        ...describe(index),
      }));
      this.deps.jobs.insert(rows);
      // units and the budget's hold (the estimate, with room for Google's own count), checked and written with the job rows
      const costs = rows.map(() => priced?.holdMicros ?? null);
      const estimates = rows.map(() => priced?.estimate.microUsd ?? null);
      this.deps.quota.reserve({ userId: actor.userId, kind, jobIds: rows.map((r) => r.id), costs, estimates });
      // an input picked for this generator joins the gallery with the job that uses it, not before
      listedInputs = this.deps.media.listInputs([...new Set(rows.flatMap((r) => r.inputIds ?? []))]);
      return rows.map((r) => r.id);
    });
    for (const { userId, ids } of listedInputs) this.deps.media.announce(userId, ids);
    for (const id of jobIds) this.deps.runner.start(id);
    return jobIds;
  }

  /** Refuses, before anything is reserved, an order this person's model access does not allow. */
  private assertAccess(actor: Actor, model: CatalogueModel, order: AccessOrder): void {
    const refusal = accessRefusal(this.deps.modelAccess(actor.userId), model, order, this.offeredModels());
    if (refusal)
      throw new StudioError('FORBIDDEN', refusal, {
        issues: [{ path: order.resolution ? 'resolution' : order.imageSize ? 'imageSize' : 'model', message: refusal }],
      });
  }

  private model(kind: 'image' | 'video', id: string | undefined): CatalogueModel {
    const catalogue = this.deps.settings.get('modelCatalogue');
    const model = id ? catalogue.find((m) => m.id === id && m.kind === kind) : defaultModel(catalogue, kind);
    if (!model || !model.enabled) {
      throw invalid(
        id ? `The model ${id} is not available for ${kind}s. Choose another one.` : `No ${kind} model is available. Ask an admin.`,
        'model',
      );
    }
    // A page opened before "check models" flagged it may still name it; sending would only fail.
    if (model.missing) throw invalid(`Google no longer offers ${model.label}. Choose another model.`, 'model');
    return model;
  }
}

function invalid(message: string, field: string): StudioError {
  return new StudioError('VALIDATION_FAILED', message, { issues: [{ path: field, message }] });
}

function byIndex(a: JobRow, b: JobRow): number {
  return (a.idempotencyKey ?? '').localeCompare(b.idempotencyKey ?? '', undefined, { numeric: true });
}
