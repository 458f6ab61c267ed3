import type { ReportedUsage } from '../../../shared/domain/pricing';

interface ModalityCount {
  modality?: string;
  tokenCount?: number;
}

/** `usageMetadata` of a generateContent answer, as far as it is used here. */
export interface UsageMetadataLike {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  candidatesTokensDetails?: ModalityCount[];
}

/**
 * Google's token counts of one image call: image output tokens from the per-modality details, the
 * rest of the output (text, thinking) apart. Undefined when Google reported nothing.
 */
export function usageFromMetadata(metadata: UsageMetadataLike | undefined): ReportedUsage | undefined {
  if (!metadata) return undefined;
  const details = metadata.candidatesTokensDetails ?? [];
  const image = details.filter((d) => d.modality === 'IMAGE').reduce((n, d) => n + (d.tokenCount ?? 0), 0);
  const other = Math.max(0, (metadata.candidatesTokenCount ?? 0) - image) + (metadata.thoughtsTokenCount ?? 0);
  return {
    inputTokens: metadata.promptTokenCount,
    ...(details.length ? { imageOutputTokens: image } : {}),
    outputTokens: details.length ? other : (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0),
  };
}

/** `usage` of an interaction (Omni): video tokens by modality, the rest as plain output. */
export function usageFromInteraction(
  usage:
    { total_input_tokens?: number; total_output_tokens?: number; output_tokens_by_modality?: { modality?: string; tokens?: number }[] } | undefined,
): ReportedUsage | undefined {
  if (!usage) return undefined;
  const byModality = usage.output_tokens_by_modality ?? [];
  const video = byModality.filter((m) => m.modality?.toLowerCase() === 'video').reduce((n, m) => n + (m.tokens ?? 0), 0);
  return {
    inputTokens: usage.total_input_tokens,
    ...(byModality.length ? { videoOutputTokens: video } : {}),
    outputTokens: Math.max(0, (usage.total_output_tokens ?? 0) - video),
  };
}
