import { describe, expect, it } from 'vitest';
import { apiKeyStatusText, storedKeyUnreadable } from '../../src/renderer/src/features/settings/apiKeyText';
import {
  capabilityPreset,
  catalogueProblems,
  missingDefaults,
  removeModel,
  setDefault,
  setEnabled,
} from '../../src/renderer/src/features/settings/catalogueDraft';
import { buildModel, newModelForm } from '../../src/renderer/src/features/settings/modelForm';
import { apiKeyProblem, rangeProblem } from '../../src/renderer/src/features/settings/validation';
import { limitIsValid, policyFromDraft } from '../../src/renderer/src/features/quotas/policyDraft';
import { DEFAULT_CATALOGUE } from '../../src/shared/domain/models';
import { SETTING_LIMITS } from '../../src/shared/domain/settings';

const ids = DEFAULT_CATALOGUE.map((m) => m.id);

describe('the API key line in Settings', () => {
  const status = { set: true, source: 'stored', lastFour: '1234', protection: 'os', available: 'os' } as const;

  it('names where the key comes from and only its last four characters', () => {
    expect(apiKeyStatusText(status)).toBe('Set, ends in …1234 (stored, protected by the OS key store)');
    expect(apiKeyStatusText({ ...status, protection: 'unprotected' })).toBe('Set, ends in …1234 (stored without OS protection)');
    expect(apiKeyStatusText({ ...status, source: 'environment', protection: null, lastFour: '9999' })).toBe(
      'Set, ends in …9999 (from the GEMINI_API_KEY environment variable)',
    );
    expect(apiKeyStatusText({ set: false, source: null, lastFour: null, protection: null, available: 'os' })).toBe('Not set');
  });

  it('notices a stored key this computer cannot open', () => {
    expect(storedKeyUnreadable({ ...status, source: 'environment' })).toBe(true);
    expect(storedKeyUnreadable(status)).toBe(false);
  });

  it('checks a new key as main will, in main’s words', () => {
    expect(apiKeyProblem('short')).toBe('An API key is at least 20 characters.');
    expect(apiKeyProblem('AIzaSy with a space in it 0000')).toBe('An API key has no spaces or special characters.');
    expect(apiKeyProblem('  AIzaSyTEST-not-a-real-key-0000001234  ')).toBeNull();
  });
});

describe('number settings', () => {
  it('accept whole numbers within main’s limits and say the limits otherwise', () => {
    expect(rangeProblem('30', SETTING_LIMITS.idleTimeoutMinutes, 'minutes')).toBeNull();
    for (const bad of ['4', '121', '7.5', '', 'ten', '-5']) {
      expect(rangeProblem(bad, SETTING_LIMITS.idleTimeoutMinutes, 'minutes')).toBe('Enter a whole number of minutes from 5 to 120.');
    }
    expect(rangeProblem('9', SETTING_LIMITS.maxParallelJobs, 'jobs')).toBe('Enter a whole number of jobs from 1 to 8.');
  });

  it('quota limits stop at what main accepts', () => {
    expect(limitIsValid({ period: 'daily', limit: '1000000' })).toBe(true);
    expect(limitIsValid({ period: 'daily', limit: '2000000' })).toBe(false);
    expect(limitIsValid({ period: 'unlimited', limit: 'whatever' })).toBe(true);
    expect(policyFromDraft({ period: 'unlimited', limit: 'whatever' })).toEqual({ period: 'unlimited', limit: 0 });
    expect(policyFromDraft({ period: 'weekly', limit: ' 12 ' })).toEqual({ period: 'weekly', limit: 12 });
  });
});

describe('editing the catalogue', () => {
  it('keeps one default per kind: choosing a video default leaves the image default alone', () => {
    const next = setDefault(DEFAULT_CATALOGUE, 'veo-3.1-generate-preview');
    expect(next.filter((m) => m.isDefault).map((m) => m.id)).toEqual(['gemini-nano-banana-2.1', 'veo-3.1-generate-preview']);
    expect(catalogueProblems(next)).toEqual([]);
  });

  it('says in main’s words why a catalogue cannot be saved', () => {
    const noDefault = setEnabled(DEFAULT_CATALOGUE, 'gemini-nano-banana-2.1', false);
    expect(catalogueProblems(noDefault)).toEqual(['Choose exactly one enabled default image model']);
  });

  it('never removes a default model', () => {
    expect(removeModel(DEFAULT_CATALOGUE, 'gemini-nano-banana-2.1')).toHaveLength(DEFAULT_CATALOGUE.length);
    expect(removeModel(DEFAULT_CATALOGUE, 'gemini-3-pro-image').map((m) => m.id)).not.toContain('gemini-3-pro-image');
  });

  it('points out a default Google no longer offers', () => {
    const catalogue = DEFAULT_CATALOGUE.map((m) => ({ ...m, missing: m.id === 'gemini-omni-1.1-flash' }));
    expect(missingDefaults(catalogue).map((m) => m.id)).toEqual(['gemini-omni-1.1-flash']);
  });

  it('starts a new model from the capabilities of its family’s shipped model', () => {
    expect(capabilityPreset('gemini-image')).toEqual(DEFAULT_CATALOGUE.find((m) => m.id === 'gemini-nano-banana-2.1')!.capabilities);
    expect(capabilityPreset('omni')).toEqual(DEFAULT_CATALOGUE.find((m) => m.id === 'gemini-omni-1.1-flash')!.capabilities);
    expect(capabilityPreset('veo')).toEqual(DEFAULT_CATALOGUE.find((m) => m.id === 'veo-3.1-generate-preview')!.capabilities);
  });
});

describe('adding a model', () => {
  it('builds a valid, non-default entry from the form', () => {
    const form = { ...newModelForm('veo'), id: 'veo-4.0-generate-preview', label: 'Veo 4', durations: '4, 8' };
    const { model } = buildModel(form, ids);
    expect(model).toMatchObject({ id: 'veo-4.0-generate-preview', kind: 'video', family: 'veo', isDefault: false, missing: false });
    expect(model?.capabilities.durations).toEqual([4, 8]);
    expect(model?.capabilities.imageSizes).toEqual([]);
  });

  it('names each field that needs fixing, in words an admin can act on', () => {
    const form = {
      ...newModelForm('veo'),
      id: 'Veo 4!',
      label: ' ',
      aspectRatios: 'wide',
      durations: '4, eight',
      maxInputImages: '20',
      videoModes: [],
    };
    const { problems } = buildModel(form, ids);
    expect(problems).toEqual({
      id: expect.stringContaining('lowercase letters'),
      label: expect.stringContaining('A name'),
      aspectRatios: expect.stringContaining('16:9'),
      durations: expect.stringContaining('Whole seconds'),
      maxInputImages: 'A whole number from 0 to 14.',
      videoModes: 'Choose at least one way to make a video.',
    });
  });

  it('refuses an id the catalogue already has', () => {
    const { problems } = buildModel({ ...newModelForm('gemini-image'), id: 'gemini-3-pro-image', label: 'Again' }, ids);
    expect(problems).toEqual({ id: 'The catalogue already has gemini-3-pro-image.' });
  });
});
