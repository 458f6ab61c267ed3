import { createContext, useContext, useState } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import type { MediaDetails, MediaItem } from '../../../../shared/contract/routes/media';
import { useExportMedia, useMediaCapabilities, useMediaDetails, useRevealMedia, useSaveMediaAs, useToggleFavorite } from '../../queries/media';
import { useModels } from '../../queries/models';
import { type GeneratorIntent, type GeneratorTarget, useGeneratorIntent } from '../../stores/generatorIntent';
import { varyRequest } from '../generation/vary';
import { useVary } from '../generation/useVary';
import styles from './MediaActions.module.css';

/**
 * What the page showing an item adds to its actions. A generator page takes an item into its own
 * inputs ("use as reference") and the Video page continues a video in place; elsewhere (the
 * gallery) those go through the generator's page.
 */
export interface PageActions {
  onUseAsReference?: (item: MediaItem) => void;
  onContinueVideo?: (item: MediaItem, how: 'refine' | 'extend') => void;
}
export const PageActionsContext = createContext<PageActions>({});

export interface MediaActionsProps {
  item: MediaItem;
  onRequestDelete: () => void;
  /** the app shell switches to the generator page the intent targets */
  onOpenGenerator?: (target: GeneratorTarget) => void;
  onMessage: (message: string) => void;
  /** a toolbar (the lightbox) or a vertical menu (a result tile's "More actions") */
  variant?: 'toolbar' | 'menu';
  /** the tile shows Vary itself */
  omitVary?: boolean;
}

/**
 * Everything that can be done with one item: the lightbox's toolbar and a result tile's menu are
 * this one list. Desktop-only actions appear only in the app.
 */
export function MediaActions({ item, onRequestDelete, onOpenGenerator, onMessage, variant = 'toolbar', omitVary }: MediaActionsProps) {
  const details = useMediaDetails(item.id);
  const capabilities = useMediaCapabilities().data;
  const { models } = useModels('video');
  const page = useContext(PageActionsContext);
  const favorite = useToggleFavorite();
  const exportMedia = useExportMedia();
  const saveAs = useSaveMediaAs();
  const reveal = useRevealMedia();
  const { vary, isPending: varying } = useVary();
  const openIntent = useGeneratorIntent((s) => s.open);
  const [busy, setBusy] = useState(false);

  const report = (error: unknown) => onMessage(isStudioError(error) ? error.message : 'That did not work. Try again.');
  const openGenerator = (target: GeneratorTarget, use: 'settings' | 'source', continueAs?: GeneratorIntent['continueAs']) => {
    openIntent({
      target,
      mediaId: item.id,
      use,
      continueAs,
      preview: { url: item.url, thumbUrl: item.thumbUrl },
      settings: { prompt: item.prompt, negativePrompt: item.negativePrompt, model: item.model, params: details.data?.params ?? {} },
    });
    onOpenGenerator?.(target);
    onMessage(
      continueAs
        ? `Opened to ${continueAs} this video.`
        : use === 'settings'
          ? 'Settings copied to the generator.'
          : target === 'edit'
            ? 'Opened for editing.'
            : 'Opened for animation.',
    );
  };
  const continueVideo = (how: 'refine' | 'extend') => {
    if (page.onContinueVideo) {
      page.onContinueVideo(item, how);
      onMessage(how === 'refine' ? 'Describe the change to this video.' : 'Describe how the video goes on.');
    } else openGenerator('video', 'settings', how);
  };
  const copyPrompt = async () => {
    setBusy(true);
    try {
      await navigator.clipboard.writeText(item.prompt ?? '');
      onMessage('Prompt copied.');
    } catch {
      onMessage('The prompt could not be copied to the clipboard.');
    } finally {
      setBusy(false);
    }
  };
  const isImage = item.kind !== 'video';
  const usable = !item.missing;
  const canVary = !omitVary && item.kind !== 'input' && Boolean(item.prompt);
  const model = item.kind === 'video' ? models.find((m) => m.id === item.model) : undefined;

  return (
    <div className={styles.actions} data-variant={variant} role={variant === 'menu' ? 'group' : 'toolbar'} aria-label="Item actions">
      {canVary && <VaryButton details={details.data} pending={varying} onVary={(d) => vary(d)} onMessage={onMessage} />}
      {isImage && usable && (
        <>
          <button type="button" onClick={() => openGenerator('edit', 'source')}>
            Edit
          </button>
          <button type="button" onClick={() => openGenerator('video', 'source')}>
            Animate
          </button>
          {page.onUseAsReference && (
            <button
              type="button"
              onClick={() => {
                page.onUseAsReference?.(item);
                onMessage('Added to the reference images.');
              }}
            >
              Use as reference
            </button>
          )}
        </>
      )}
      {item.kind === 'video' && usable && item.model && (
        <>
          {model?.capabilities.refine && (
            <button type="button" onClick={() => continueVideo('refine')}>
              Refine
            </button>
          )}
          {(!model || model.capabilities.videoModes.includes('extend')) && (
            <button type="button" onClick={() => continueVideo('extend')}>
              Extend
            </button>
          )}
        </>
      )}
      {item.prompt && (
        <button type="button" onClick={copyPrompt} disabled={busy}>
          Copy prompt
        </button>
      )}
      {item.kind !== 'input' && (
        <button type="button" onClick={() => openGenerator(item.kind === 'video' ? 'video' : 'image', 'settings')}>
          Reuse settings
        </button>
      )}
      <button
        type="button"
        aria-pressed={item.favorite}
        onClick={() => favorite.mutate({ id: item.id, favorite: !item.favorite }, { onError: report })}
      >
        {item.favorite ? '★ Favourite' : '☆ Favourite'}
      </button>
      <button
        type="button"
        disabled={item.missing || exportMedia.isPending}
        onClick={() =>
          exportMedia.mutate([item.id], {
            onSuccess: (results) => results[0] && onMessage(`Exported to ${results[0].path}`),
            onError: report,
          })
        }
      >
        Export
      </button>
      {capabilities?.saveAs && usable && (
        <button
          type="button"
          onClick={() => saveAs.mutate(item.id, { onSuccess: (r) => r.saved && onMessage(`Saved to ${r.path}`), onError: report })}
        >
          Save as…
        </button>
      )}
      {capabilities?.revealInFolder && usable && (
        <button type="button" onClick={() => reveal.mutate(item.id, { onError: report })}>
          Show in folder
        </button>
      )}
      <button type="button" className="danger" data-action="delete" onClick={onRequestDelete}>
        Delete
      </button>
    </div>
  );
}

/** Vary needs what the item was made with (its details); until they load, it waits. */
export function VaryButton(props: {
  details: MediaDetails | undefined;
  pending: boolean;
  onVary: (details: MediaDetails) => void;
  onMessage?: (message: string) => void;
  label?: string;
}) {
  const { details } = props;
  const possible = details ? varyRequest(details) !== null : true;
  if (!possible) return null;
  return (
    <button
      type="button"
      disabled={!details || props.pending}
      aria-label={props.label}
      title="Same prompt and settings, a new result (counts against your quota)"
      onClick={() => {
        if (!details) return;
        props.onVary(details);
        props.onMessage?.('Making a variation.');
      }}
    >
      Vary
    </button>
  );
}
