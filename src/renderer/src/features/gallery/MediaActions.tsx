import { useState } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import { useExportMedia, useMediaCapabilities, useMediaDetails, useRevealMedia, useSaveMediaAs, useToggleFavorite } from '../../queries/media';
import { type GeneratorTarget, useGeneratorIntent } from '../../stores/generatorIntent';
import styles from './MediaActions.module.css';

export interface MediaActionsProps {
  item: MediaItem;
  onRequestDelete: () => void;
  /** the app shell switches to the generator page the intent targets */
  onOpenGenerator?: (target: GeneratorTarget) => void;
  onMessage: (message: string) => void;
}

/** What can be done with one item, from the lightbox. Desktop-only actions appear only in the app. */
export function MediaActions({ item, onRequestDelete, onOpenGenerator, onMessage }: MediaActionsProps) {
  const details = useMediaDetails(item.id);
  const capabilities = useMediaCapabilities().data;
  const favorite = useToggleFavorite();
  const exportMedia = useExportMedia();
  const saveAs = useSaveMediaAs();
  const reveal = useRevealMedia();
  const openIntent = useGeneratorIntent((s) => s.open);
  const [busy, setBusy] = useState(false);

  const report = (error: unknown) => onMessage(isStudioError(error) ? error.message : 'That did not work. Try again.');
  const openGenerator = (target: GeneratorTarget, use: 'settings' | 'source') => {
    openIntent({
      target,
      mediaId: item.id,
      use,
      preview: { url: item.url, thumbUrl: item.thumbUrl },
      settings: { prompt: item.prompt, negativePrompt: item.negativePrompt, model: item.model, params: details.data?.params ?? {} },
    });
    onOpenGenerator?.(target);
    onMessage(use === 'settings' ? 'Settings copied to the generator.' : target === 'edit' ? 'Opened for editing.' : 'Opened for animation.');
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

  return (
    <div className={styles.actions} role="toolbar" aria-label="Item actions">
      <button
        type="button"
        aria-pressed={item.favorite}
        onClick={() => favorite.mutate({ id: item.id, favorite: !item.favorite }, { onError: report })}
      >
        {item.favorite ? '★ Favourite' : '☆ Favourite'}
      </button>
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
      {isImage && !item.missing && (
        <>
          <button type="button" onClick={() => openGenerator('edit', 'source')}>
            Edit
          </button>
          <button type="button" onClick={() => openGenerator('video', 'source')}>
            Animate
          </button>
        </>
      )}
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
      {capabilities?.saveAs && !item.missing && (
        <button
          type="button"
          onClick={() => saveAs.mutate(item.id, { onSuccess: (r) => r.saved && onMessage(`Saved to ${r.path}`), onError: report })}
        >
          Save as…
        </button>
      )}
      {capabilities?.revealInFolder && !item.missing && (
        <button type="button" onClick={() => reveal.mutate(item.id, { onError: report })}>
          Show in folder
        </button>
      )}
      <button type="button" className="danger" onClick={onRequestDelete}>
        Delete
      </button>
    </div>
  );
}
