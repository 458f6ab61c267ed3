import type { ReactNode } from 'react';
import type { CatalogueModel } from '../../../../shared/domain/models';
import { Select } from './Select';
import frame from './GeneratorFrame.module.css';

export interface ImageOptionValues {
  modelId?: string;
  aspectRatio?: string;
  imageSize?: string;
}

/**
 * Model, aspect ratio and size for image and edit requests: only what the chosen model offers. A
 * new model clears the other two, since its choices may differ.
 */
export function ImageOptions(props: {
  models: CatalogueModel[];
  model: CatalogueModel | undefined;
  values: ImageOptionValues;
  onChange: (patch: ImageOptionValues) => void;
  aspectDefaultLabel: string;
  children?: ReactNode;
}) {
  const { models, model, values, onChange } = props;
  return (
    <div className={frame.optionRow}>
      <Select
        label="Model"
        value={model?.id}
        options={models.map((m) => ({ value: m.id, label: m.label }))}
        onChange={(modelId) => onChange({ modelId, aspectRatio: undefined, imageSize: undefined })}
      />
      <Select
        label="Aspect ratio"
        value={values.aspectRatio}
        emptyLabel={props.aspectDefaultLabel}
        options={(model?.capabilities.aspectRatios ?? []).map((r) => ({ value: r, label: r }))}
        onChange={(aspectRatio) => onChange({ aspectRatio })}
      />
      {model && model.capabilities.imageSizes.length > 0 && (
        <Select
          label="Size"
          value={values.imageSize}
          emptyLabel="Model default"
          options={model.capabilities.imageSizes.map((s) => ({ value: s, label: s }))}
          onChange={(imageSize) => onChange({ imageSize })}
        />
      )}
      {props.children}
    </div>
  );
}
