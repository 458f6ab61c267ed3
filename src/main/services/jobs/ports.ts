import type { GoogleGenAI } from '@google/genai';
import type { ReportedUsage } from '../../../shared/domain/pricing';
import type { UnitQuotaKind } from '../../../shared/domain/quotas';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { MediaFileFacts } from '../../db/schema';
import type { Logger } from '../../logger';

/**
 * What the job runner needs from the quota ledger and the media store. Kept narrow so the
 * generation code says exactly which guarantees it relies on.
 */
export interface QuotaPort {
  /**
   * one unit per job, all or nothing, and each job's estimate (micro-dollars; null: no price known)
   * against the budget; runs inside the caller's immediate transaction
   */
  reserve(input: { userId: string; kind: UnitQuotaKind; jobIds: string[]; costs?: (number | null)[]; estimates?: (number | null)[] }): void;
  /**
   * idempotent: a second commit never charges twice. `usage` is Google's report of the call, when it
   * gave one: the job's actual cost is computed from it (jobs/jobCost.ts).
   */
  commit(jobId: string, usage?: ReportedUsage): void;
  /**
   * idempotent; a committed reservation stays committed. `billedByGoogle`: Google finished the job
   * (a video it reported done) but the studio kept no result (the download or the save failed, or a
   * cancel came after Google finished): the unit comes back, but the money Google billed is charged
   * — from its usage report when it gave one, else the price table (jobs/jobCost.ts).
   */
  release(jobId: string, billedByGoogle?: { usage?: ReportedUsage }): void;
  /** charges a job's actual cost (micro-dollars) to its budget reservation, in the caller's transaction */
  commitSpend(jobId: string, actualMicros: number): void;
  /** job ids whose reservation is neither committed nor released (start-up recovery) */
  openReservationJobIds(): string[];
}

/** An input image read for an inline request part. */
export interface InputImage {
  id: string;
  mimeType: string;
  /** base64 */
  data: string;
}

/** Where an input image is: a file inside the media folder (realpath checked), for the generation worker to read. */
export interface InputImageFile {
  id: string;
  mimeType: string;
  /** absolute, resolved path */
  file: string;
}

/** A prepared result is a durable file (and its thumbnail) not yet recorded in the database: the file half of a media row. */
export type { MediaFileFacts };

export interface GeneratedMediaRecord {
  userId: string;
  jobId: string;
  prompt: string;
  negativePrompt: string | null;
  model: string;
  params: Record<string, unknown>;
  inputIds: string[];
  parentMediaId: string | null;
  workstation: WorkstationIdentity;
  providerRef: string | null;
}

export interface MediaPort {
  /** refuses (NOT_FOUND) an id the user may not use as an input image, without reading the file */
  assertInputImage(userId: string, mediaId: string): void;
  /** an image the user may use as an input (own, or a managed user's for an admin); NOT_FOUND otherwise */
  locateInputImage(userId: string, mediaId: string): InputImageFile;
  /** the same image read and encoded (a video's frames and references, sent from main) */
  readInputImage(userId: string, mediaId: string): Promise<InputImage>;
  /** a video the user may extend or refine, with the provider handle stored when it was made */
  videoForContinuation(userId: string, mediaId: string): { id: string; model: string | null; providerRef: string | null };
  prepareImage(bytes: Buffer, mimeType: string): Promise<MediaFileFacts>;
  /** moves a downloaded temp file into the store */
  prepareVideo(tempFile: string, mimeType: string): Promise<MediaFileFacts>;
  /** inserts the media row; runs inside the caller's transaction */
  insert(prepared: MediaFileFacts, record: GeneratedMediaRecord): void;
  /** removes a prepared file that will not be recorded */
  discard(prepared: MediaFileFacts): void;
  /** where downloads land before they join the store (same file system, so the move is a rename) */
  tempDir(): string;
  /** notifies the owner's windows about new items */
  announce(userId: string, mediaIds: string[]): void;
  /**
   * Puts inputs picked for a generator into the gallery once a job uses them; runs inside the
   * transaction that records the jobs. Answers the items it listed, by owner, to announce after the commit.
   */
  listInputs(mediaIds: readonly string[]): { userId: string; ids: string[] }[];
}

/**
 * What the video steps need from the runner's wiring. Declared here, not in jobRunner.ts, so the
 * runner (which uses the steps) and the steps (which only need these) do not import each other.
 */
export interface VideoStepsDeps {
  clock: Clock;
  logger: Logger;
  media: Pick<MediaPort, 'readInputImage' | 'tempDir'>;
  genai: () => GoogleGenAI;
  apiKey: () => string;
  geminiBaseUrl?: string;
  timings: { pollIntervalMs: number; maxVideoWaitMs: number; downloadTimeoutMs: number; downloadStallMs: number; maxVideoBytes: number };
}
