import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/domain/audit';
import { auditCsv } from '../../src/shared/domain/auditCsv';
import { AUDIT_SENTENCES, type AuditSentenceInput, KNOWN_AUDIT_ACTIONS, auditSentence, policyWords } from '../../src/shared/domain/auditSentences';

const ada = { id: 'u-ada', email: 'ada@lab.org' };
const cara = { id: 'u-cara', email: 'cara@lab.org' };
const ben = { id: 'u-ben', email: 'ben@lab.org' };
const ctx = { time: (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') };
const say = (
  action: string,
  details: Record<string, unknown> | null = null,
  actor: AuditSentenceInput['actor'] = ada,
  target: AuditSentenceInput['target'] = cara,
) => auditSentence({ action, actor, target, details }, ctx);

/** Every action code main records: string literals next to `action:` or passed to an audit helper, and AUDIT_ACTIONS. */
function recordedActionCodes(): string[] {
  const root = path.join(__dirname, '../../src/main');
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, f));
  const codes = new Set<string>(Object.values(AUDIT_ACTIONS));
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    if (!/recordAudit|recordRepeatedAudit|this\.audit\(|\baudit\(deps/.test(source)) continue;
    for (const m of source.matchAll(/action: '([a-z_.]+)'/g)) codes.add(m[1]!);
    for (const m of source.matchAll(/this\.audit\(actor, '([a-z_.]+)'/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

describe('audit sentences', () => {
  it('has a sentence for every action code main records', () => {
    const codes = recordedActionCodes();
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !AUDIT_SENTENCES[c])).toEqual([]);
    expect([...KNOWN_AUDIT_ACTIONS].sort()).toEqual(expect.arrayContaining(codes));
  });

  it('reads a quota change with emails and periods in words', () => {
    expect(
      say('quotas.set', {
        changes: { video: { from: { period: 'weekly', limit: 3, isDefault: false }, to: { period: 'monthly', limit: 12 } } },
      }),
    ).toBe("ada@lab.org changed cara@lab.org's video quota from 3 a week to 12 a month.");
    expect(
      say('quotas.set', {
        changes: {
          image: { from: { period: 'daily', limit: 50, isDefault: true }, to: { period: 'unlimited', limit: 0 } },
          edit: { from: { period: 'total', limit: 5, isDefault: false }, to: { period: 'daily', limit: 1 } },
        },
      }),
    ).toBe("ada@lab.org changed cara@lab.org's image quota from 50 a day (the default) to unlimited and edit quota from 5 in total to 1 a day.");
    expect(policyWords({ period: 'monthly', limit: 1 })).toBe('1 a month');
  });

  it.each<[string, Record<string, unknown> | null, string]>([
    [AUDIT_ACTIONS.firstAdminCreated, null, 'ada@lab.org set up the studio as its first admin.'],
    [AUDIT_ACTIONS.loginSucceeded, null, 'ada@lab.org signed in.'],
    [AUDIT_ACTIONS.logout, null, 'ada@lab.org signed out.'],
    [AUDIT_ACTIONS.passwordChanged, null, 'ada@lab.org changed their password.'],
    [AUDIT_ACTIONS.invite, { role: 'admin' }, 'ada@lab.org invited cara@lab.org as an admin.'],
    [AUDIT_ACTIONS.invite, { email: 'old@lab.org', result: 'exists' }, 'ada@lab.org tried to invite old@lab.org, which already has an account.'],
    [AUDIT_ACTIONS.update, { changes: { isActive: { from: true, to: false } } }, 'ada@lab.org deactivated cara@lab.org.'],
    [AUDIT_ACTIONS.update, { changes: { isActive: { from: false, to: true } } }, 'ada@lab.org reactivated cara@lab.org.'],
    [AUDIT_ACTIONS.update, { changes: { role: { from: 'user', to: 'admin' } } }, 'ada@lab.org made cara@lab.org an admin.'],
    [
      AUDIT_ACTIONS.update,
      { changes: { role: { from: 'admin', to: 'user' } }, handedOverUsers: 2 },
      'ada@lab.org made cara@lab.org a user; the 2 people they managed now report to ada@lab.org.',
    ],
    [AUDIT_ACTIONS.resetPassword, null, "ada@lab.org reset cara@lab.org's password."],
    [AUDIT_ACTIONS.unlock, { wasLockedUntil: 1 }, "ada@lab.org unlocked cara@lab.org's account."],
    [AUDIT_ACTIONS.share, { admin: ben }, 'ada@lab.org shared cara@lab.org with ben@lab.org.'],
    [AUDIT_ACTIONS.unshare, { admin: ben }, 'ada@lab.org stopped sharing cara@lab.org with ben@lab.org.'],
    [
      AUDIT_ACTIONS.delete,
      { role: 'user', media: 'transfer', mediaCount: 3 },
      'ada@lab.org deleted the user account cara@lab.org; their 3 items went to ada@lab.org.',
    ],
    [
      AUDIT_ACTIONS.delete,
      { role: 'admin', media: 'delete', mediaCount: 1 },
      'ada@lab.org deleted the admin account cara@lab.org; their 1 item was deleted.',
    ],
    [
      AUDIT_ACTIONS.setupCodeIssued,
      { reason: 'invite', expiresAt: Date.UTC(2026, 11, 3, 9) },
      'ada@lab.org issued a setup code for cara@lab.org with the invitation, valid until 2026-12-03 09:00.',
    ],
    [
      AUDIT_ACTIONS.setupCodeIssued,
      { reason: 'reset', expiresAt: Date.UTC(2026, 11, 3, 9) },
      'ada@lab.org issued a setup code for cara@lab.org after a password reset, valid until 2026-12-03 09:00.',
    ],
    [AUDIT_ACTIONS.setupCodeRedeemed, null, 'cara@lab.org used their setup code and chose a password.'],
    [
      'quotas.reset_usage',
      { kinds: ['image', 'video'], usedBefore: { image: 4, video: 1 } },
      "ada@lab.org reset cara@lab.org's image and video usage to zero (it was image 4 and video 1).",
    ],
    ['media.delete', { count: 5, ids: ['a'] }, 'ada@lab.org deleted 5 items belonging to cara@lab.org from the gallery.'],
    ['settings.update', { key: 'idleTimeoutMinutes', before: 15, after: 30 }, 'ada@lab.org changed the idle sign-out time (minutes) from 15 to 30.'],
    [
      'settings.update',
      { key: 'defaultQuotas', before: { image: { period: 'daily', limit: 50 } }, after: { image: { period: 'weekly', limit: 100 } } },
      'ada@lab.org changed the default quotas from image 50 a day to image 100 a week.',
    ],
    ['settings.api_key.set', { protection: 'os' }, 'ada@lab.org set the Gemini API key.'],
    ['settings.api_key.cleared', null, 'ada@lab.org removed the Gemini API key.'],
    ['settings.models.update', { models: ['a', 'b (default)'] }, 'ada@lab.org changed the model catalogue (2 models).'],
    [
      'settings.models.migrate',
      { from: 'old-model', to: 'new-model', defaultNow: true },
      'ada@lab.org moved work from the model old-model to new-model, now the default.',
    ],
    [
      'settings.models.check',
      { trigger: 'manual', available: ['a', 'b'], missing: ['c'], unknown: [], changed: [] },
      'ada@lab.org checked the models with Google: 2 available and 1 missing.',
    ],
    ['settings.diagnostics.saved', { path: '/x.zip', bytes: 10, logFiles: 2 }, 'ada@lab.org saved a diagnostics file with 2 log files.'],
  ])('%s reads as a sentence (%j)', (action, details, sentence) => {
    expect(say(action, details)).toBe(sentence);
  });

  it('says who failed to sign in, why, and how often, without a person for unknown emails', () => {
    expect(say(AUDIT_ACTIONS.loginFailed, { reason: 'wrong-password', count: 3, lastAt: 1 }, null)).toBe(
      'A sign-in to cara@lab.org failed with a wrong password (3 times).',
    );
    expect(say(AUDIT_ACTIONS.loginFailed, { reason: 'inactive' }, cara)).toBe('A sign-in to cara@lab.org was refused: the account is deactivated.');
    expect(say(AUDIT_ACTIONS.loginFailed, { reason: 'unknown-account', count: 1 }, null, null)).toBe(
      'A sign-in failed with an email that has no account.',
    );
    expect(say(AUDIT_ACTIONS.lockout, { lockedUntil: Date.UTC(2026, 10, 30, 10, 1), lockoutCount: 1 }, null)).toBe(
      'cara@lab.org was locked out until 2026-11-30 10:01 after repeated failed sign-ins.',
    );
  });

  it('names the studio for actions nobody took, and the recovery code', () => {
    expect(say(AUDIT_ACTIONS.adminProvisioned, { source: 'environment' }, null)).toBe(
      "cara@lab.org was made an admin from the workstation's environment settings.",
    );
    expect(say(AUDIT_ACTIONS.setupCodeIssued, { via: 'command-line recovery', expiresAt: Date.UTC(2026, 11, 1), reactivated: true }, null)).toBe(
      'A recovery setup code for cara@lab.org was issued from the command line, reactivating the account, valid until 2026-12-01 00:00.',
    );
    expect(say('settings.models.shipped', { added: ['veo-4'] }, null, null)).toBe('The studio added 1 newly shipped model to the catalogue: veo-4.');
    expect(say('settings.models.check', { trigger: 'daily', available: ['a'], missing: [], unknown: ['b'], errorKind: 'network' }, null, null)).toBe(
      'The studio (daily) checked the models with Google: 1 available, 0 missing and 1 not known; the check failed (network).',
    );
  });

  it('keeps an unknown action readable instead of failing', () => {
    expect(say('future.thing', { x: 1 })).toBe('ada@lab.org: future.thing (cara@lab.org).');
  });

  it('exports ISO 8601 times, the sentence and every raw field', () => {
    const csv = auditCsv([
      {
        id: '7',
        at: Date.UTC(2026, 10, 30, 8, 15),
        action: 'quotas.set',
        actor: ada,
        target: cara,
        details: { changes: { video: { from: { period: 'weekly', limit: 3, isDefault: false }, to: { period: 'monthly', limit: 12 } } } },
        workstation: { hostName: 'lab-pc-07', osUser: 'student', ipv4: '10.0.0.7' },
      },
    ]);
    const [header, line] = csv.split('\r\n');
    expect(header).toBe('Time (UTC),Sentence,Action,Actor email,Actor id,Target email,Target id,Host,OS user,IPv4,Details,Entry id');
    expect(line).toBe(
      "2026-11-30T08:15:00.000Z,ada@lab.org changed cara@lab.org's video quota from 3 a week to 12 a month.,quotas.set,ada@lab.org,u-ada,cara@lab.org,u-cara,lab-pc-07,student,10.0.0.7," +
        '"{""changes"":{""video"":{""from"":{""period"":""weekly"",""limit"":3,""isDefault"":false},""to"":{""period"":""monthly"",""limit"":12}}}}",7',
    );
  });
});
