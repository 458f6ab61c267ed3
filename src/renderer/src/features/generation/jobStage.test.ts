import { describe, expect, it } from 'vitest';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import { groupJobs, jobCounts, jobCountsLabel, jobStage, queuePositions } from './jobStage';

const job = (id: string, over: Partial<JobDto> = {}): JobDto => ({
  id,
  kind: 'image',
  status: 'queued',
  model: 'gemini-3-pro-image-preview',
  prompt: 'A fox',
  params: {},
  inputIds: [],
  parentMediaId: null,
  createdAt: 1_000,
  submittedAt: null,
  finishedAt: null,
  errorCode: null,
  errorMessage: null,
  results: [],
  typicalDurationMs: null,
  ...over,
});

describe('jobStage', () => {
  it('names every step of a video in order, with a step for a rough bar', () => {
    const stages = (['queued', 'submitting', 'running', 'downloading', 'saving'] as const).map((status) =>
      jobStage(job('v', { kind: 'video', status }), 2),
    );
    expect(stages.map((s) => s.label)).toEqual(['Waiting for a free slot · 2nd in line', 'Sending to Google', 'Generating', 'Downloading', 'Saving']);
    expect(stages.map((s) => `${s.step}/${s.steps}`)).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(stages.every((s) => s.tone === 'active')).toBe(true);
  });

  it('gives an image three steps: waiting, generating, saving', () => {
    expect(jobStage(job('i', { status: 'running' }), null)).toMatchObject({ key: 'generating', step: 2, steps: 3 });
    expect(jobStage(job('i'), null).label).toBe('Waiting for a free slot');
  });

  it('writes places in line as people say them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map((n) => jobStage(job('i'), n).label.split(' · ')[1])).toEqual([
      '1st in line',
      '2nd in line',
      '3rd in line',
      '4th in line',
      '11th in line',
      '12th in line',
      '13th in line',
      '21st in line',
      '22nd in line',
    ]);
  });

  it('shows a cancel as neutral, a rate limit and a block as needing the person, success as done', () => {
    expect(jobStage(job('c', { status: 'cancelled' }), null)).toMatchObject({ tone: 'neutral', label: 'Cancelled', step: null });
    expect(jobStage(job('r', { status: 'failed', errorCode: 'RATE_LIMITED' }), null)).toMatchObject({ key: 'rateLimited', tone: 'error' });
  });

  it("says a waiting job waits for Google's rate limit or the spend limit, and when it starts", () => {
    const now = 1_000_000;
    expect(jobStage(job('q', { retryAt: now + 17_000, waitingFor: 'rateLimit' }), 1, now)).toMatchObject({
      key: 'rateLimited',
      tone: 'active',
      label: "Waiting for Google's rate limit · starts in 17 s",
    });
    expect(jobStage(job('q', { retryAt: now + 16_200, waitingFor: 'rateLimit' }), 1, now).label).toBe(
      "Waiting for Google's rate limit · starts in 17 s",
    );
    expect(jobStage(job('q', { retryAt: now + 4 * 60_000 - 5_000, waitingFor: 'spendLimit' }), 1, now)).toMatchObject({
      key: 'spendLimited',
      tone: 'active',
      label: 'Waiting for the spend limit · starts in about 4 min',
    });
    // once the time has come it waits for a slot like any other job
    expect(jobStage(job('q', { retryAt: now - 1, waitingFor: 'rateLimit' }), 2, now).label).toBe('Waiting for a free slot · 2nd in line');
    expect(jobStage(job('f', { status: 'failed', errorCode: 'PROVIDER_ERROR' }), null)).toMatchObject({ key: 'failed', tone: 'error' });
    expect(jobStage(job('b', { status: 'blocked' }), null)).toMatchObject({ key: 'blocked', tone: 'error' });
    expect(jobStage(job('d', { status: 'succeeded' }), null)).toMatchObject({ key: 'done', tone: 'ok' });
  });
});

describe('the queue in numbers', () => {
  const jobs = [
    job('newest', { status: 'queued', createdAt: 9 }),
    job('older', { status: 'queued', createdAt: 5 }),
    job('a', { status: 'running', createdAt: 3 }),
    job('b', { status: 'saving', createdAt: 2 }),
    job('c', { status: 'submitting', kind: 'video', createdAt: 1 }),
    job('done', { status: 'succeeded', createdAt: 0 }),
  ];

  it('puts the oldest waiting job first in line', () => {
    expect([...queuePositions(jobs)]).toEqual([
      ['older', 1],
      ['newest', 2],
    ]);
  });

  it('counts running and waiting apart: "3 running · 2 waiting"', () => {
    expect(jobCountsLabel(jobCounts(jobs))).toBe('3 running · 2 waiting');
    expect(jobCountsLabel(jobCounts([job('x', { status: 'queued' })]))).toBe('1 waiting');
    expect(jobCountsLabel(jobCounts([]))).toBe('');
  });

  it('makes one entry of the jobs of one click, in the order they were made', () => {
    const groups = groupJobs([
      job('r4', { requestId: 'click-1', createdAt: 4 }),
      job('alone', { createdAt: 3.5 }),
      job('r3', { requestId: 'click-1', createdAt: 3 }),
      job('r1', { requestId: 'click-1', createdAt: 1 }),
      job('other', { requestId: 'click-0', createdAt: 0 }),
    ]);
    expect(groups.map((g) => g.jobs.map((j) => j.id))).toEqual([['r1', 'r3', 'r4'], ['alone'], ['other']]);
  });
});
