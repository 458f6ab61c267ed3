import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StudioError } from '../../src/shared/contract/errors';
import { defineRoute } from '../../src/shared/contract/route';
import { createMemoryLogger } from '../../src/main/logger';
import { type Actor, createRouter } from '../../src/main/router';

const routes = {
  'demo.echo': defineRoute({
    name: 'demo.echo',
    access: 'public',
    input: z.object({ text: z.string().min(1), count: z.number().int().optional() }),
    output: z.object({ text: z.string() }),
  }),
  'demo.mine': defineRoute({ name: 'demo.mine', access: 'user', input: z.object({}), output: z.object({ userId: z.string() }) }),
  'demo.admin': defineRoute({ name: 'demo.admin', access: 'admin', input: z.object({}), output: z.object({ done: z.boolean() }) }),
  'demo.setup': defineRoute({ name: 'demo.setup', access: 'setup', input: z.object({}), output: z.object({ done: z.boolean() }) }),
  'demo.boom': defineRoute({ name: 'demo.boom', access: 'public', input: z.object({}), output: z.object({}) }),
  'demo.locked': defineRoute({ name: 'demo.locked', access: 'public', input: z.object({}), output: z.object({}) }),
  'demo.leaky': defineRoute({
    name: 'demo.leaky',
    access: 'public',
    input: z.object({}),
    output: z.object({ email: z.string() }),
  }),
};

let actor: Actor | null = null;
let firstRun = false;
const logger = createMemoryLogger();
const router = createRouter({
  routes,
  handlers: {
    'demo.echo': (input) => ({ text: (input as { text: string }).text }),
    'demo.mine': (_input, ctx) => ({ userId: ctx.actor!.userId }),
    'demo.admin': () => ({ done: true }),
    'demo.setup': () => ({ done: true }),
    'demo.boom': () => {
      throw new Error('database exploded at /secret/path/studio.sqlite');
    },
    'demo.locked': () => {
      // what better-sqlite3 throws when another process holds the database past the busy timeout
      throw Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
    },
    'demo.leaky': () => ({ email: 'a@b.c', passwordHash: '$2b$12$abcdef' }),
  },
  resolveActor: () => actor,
  isFirstRun: () => firstRun,
  logger,
});
const caller = { transportId: 'wc:1' };

afterEach(() => {
  actor = null;
  firstRun = false;
});

describe('router', () => {
  it('answers a route that is not a string with VALIDATION_FAILED, whatever it is', async () => {
    for (const route of [42, null, undefined, { toString: 1 }, Object.create(null), ['demo.echo'], { route: 'demo.echo' }]) {
      expect(await router.dispatch(caller, route, { text: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/route/) },
      });
    }
  });

  it('answers a null or missing body with VALIDATION_FAILED', async () => {
    expect(await router.dispatch(caller, 'demo.echo', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await router.dispatch(caller, 'demo.echo', undefined)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['SQLITE_FULL', 'DISK_FULL'],
    ['EROFS', 'STORAGE_UNWRITABLE'],
    ['EACCES', 'STORAGE_UNWRITABLE'],
    ['EPERM', 'STORAGE_UNWRITABLE'],
    ['SQLITE_READONLY', 'STORAGE_UNWRITABLE'],
    ['SQLITE_IOERR_WRITE', 'STORAGE_UNWRITABLE'],
  ])('answers a handler that met %s with %s, not INTERNAL', async (errno, expected) => {
    const failing = createRouter({
      routes,
      handlers: {
        'demo.boom': () => {
          throw Object.assign(new Error(`${errno}: something at /secret/path`), { code: errno });
        },
      },
      resolveActor: () => null,
      isFirstRun: () => false,
      logger,
    });
    const envelope = await failing.dispatch(caller, 'demo.boom', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: expected } });
    expect(JSON.stringify(envelope)).not.toMatch(/secret|Google/);
  });

  it('answers an unknown route with NOT_FOUND', async () => {
    expect(await router.dispatch(caller, 'demo.nope', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // inherited object keys are not routes
    expect(await router.dispatch(caller, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects malformed input with VALIDATION_FAILED naming the field', async () => {
    const result = await router.dispatch(caller, 'demo.echo', { text: 'hi', count: 1.5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.message).toContain('count');
    expect(result.error.details).toEqual({ issues: [expect.objectContaining({ path: 'count' })] });
  });

  it('passes valid input to the handler and returns its output', async () => {
    expect(await router.dispatch(caller, 'demo.echo', { text: 'hello' })).toEqual({ ok: true, data: { text: 'hello' } });
  });

  it('refuses a user route without a session as UNAUTHENTICATED, before looking at the input', async () => {
    expect(await router.dispatch(caller, 'demo.mine', 'garbage')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('gives the handler the actor resolved from the transport', async () => {
    actor = { userId: 'u1', email: 'u1@x.org', role: 'user', sessionId: 's1' };
    expect(await router.dispatch(caller, 'demo.mine', {})).toEqual({ ok: true, data: { userId: 'u1' } });
  });

  it('refuses an admin route to a plain user as FORBIDDEN', async () => {
    actor = { userId: 'u1', email: 'u1@x.org', role: 'user', sessionId: 's1' };
    expect(await router.dispatch(caller, 'demo.admin', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    actor = { ...actor, role: 'admin' };
    expect(await router.dispatch(caller, 'demo.admin', {})).toEqual({ ok: true, data: { done: true } });
  });

  it('allows setup routes only during first run', async () => {
    expect(await router.dispatch(caller, 'demo.setup', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    firstRun = true;
    expect(await router.dispatch(caller, 'demo.setup', {})).toEqual({ ok: true, data: { done: true } });
  });

  it('answers a raw "database is locked" with BUSY, not INTERNAL', async () => {
    expect(await router.dispatch(caller, 'demo.locked', {})).toEqual({
      ok: false,
      error: { code: 'BUSY', message: "The studio's database is busy; try again in a moment." },
    });
  });

  it('turns a thrown error into INTERNAL with a reference and no stack or path', async () => {
    const result = await router.dispatch(caller, 'demo.boom', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const text = JSON.stringify(result);
    expect(text).not.toContain('/secret/path');
    expect(text).not.toContain('at ');
    expect(logger.lines.some((l) => l.includes('database exploded'))).toBe(true);
  });

  it('passes a StudioError through with its code and message', async () => {
    const r = createRouter({
      routes,
      handlers: {
        'demo.echo': () => {
          throw new StudioError('CONFLICT', 'Already exists');
        },
      },
      resolveActor: () => null,
      isFirstRun: () => false,
      logger,
    });
    expect(await r.dispatch(caller, 'demo.echo', { text: 'x' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Already exists' } });
  });

  it('strips fields the output contract does not declare, so a secret cannot leak by accident', async () => {
    const result = await router.dispatch(caller, 'demo.leaky', {});
    expect(result).toEqual({ ok: true, data: { email: 'a@b.c' } });
  });
});

describe('every contract route', () => {
  it('refuses unknown input fields, __proto__ included, the same way', async () => {
    const { routes: contract } = await import('../../src/shared/contract/index');
    const lenient: string[] = [];
    for (const [name, route] of Object.entries(contract)) {
      for (const extra of ['{"zzUnknownField":1}', '{"__proto__":{"isAdmin":true}}']) {
        const result = (route as { input: z.ZodType }).input.safeParse(JSON.parse(extra));
        const refused = !result.success && result.error.issues.some((issue) => issue.code === 'unrecognized_keys');
        if (!refused) lenient.push(`${name} ${extra}`);
      }
    }
    expect(lenient).toEqual([]);
  });
});
