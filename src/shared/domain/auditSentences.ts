import { accessWords, modelAccessSchema } from './modelAccess';
import { AUDIT_ACTIONS, SETTINGS_AUDIT_ACTIONS } from './audit';
import { plural } from './plural';

/**
 * The audit log in sentences (docs/records.md): one pure function per action code, naming people by
 * email — "ada@lab.org changed cara@lab.org's video quota from 3 a week to 12 a month". The raw
 * action and details stay in the entry (shown folded, and in the CSV); these only read them.
 */
export interface AuditSentenceInput {
  action: string;
  actor: { email: string } | null;
  target: { email: string } | null;
  details: Record<string, unknown> | null;
}

/** How a sentence writes an instant (the page passes the workstation's local format). */
export interface SentenceContext {
  time: (ms: number) => string;
}

type Sentence = (e: AuditSentenceInput, ctx: SentenceContext) => string;

const who = (p: { email: string } | null, fallback = 'Someone'): string => (p?.email ? p.email : fallback);
const whose = (p: { email: string } | null): string => `${who(p, 'an account')}'s`;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** "a", "a and b", "a, b and c" */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
const times = (d: Record<string, unknown>): string => {
  const count = num(d.count);
  return count !== null && count > 1 ? ` (${count} times)` : '';
};

const PERIOD_WORDS: Record<string, string> = { daily: 'a day', weekly: 'a week', monthly: 'a month' };

/** A quota policy in words: "3 a week", "20 in total", "unlimited", with "(the default)" when it followed it. */
export function policyWords(policy: unknown): string {
  const p = obj(policy);
  const period = str(p.period);
  const limit = num(p.limit);
  let words: string;
  if (period === 'unlimited') words = 'unlimited';
  else if (period === 'total') words = `${limit ?? '?'} in total`;
  else if (period && PERIOD_WORDS[period]) words = `${limit ?? '?'} ${PERIOD_WORDS[period]}`;
  else words = 'an unknown policy';
  return p.isDefault === true ? `${words} (the default)` : words;
}

const FAILURE_REASONS: Record<string, string> = {
  'wrong-password': 'a wrong password',
  'wrong-setup-code': 'a wrong setup code',
  'wrong-current-password': 'a wrong current password when changing the password',
  inactive: 'the account is deactivated',
  locked: 'the account was locked',
  'unknown-account': 'an email that has no account',
};

const SETTING_NAMES: Record<string, string> = {
  idleTimeoutMinutes: 'the idle sign-out time (minutes)',
  defaultQuotas: 'the default quotas',
  maxParallelJobs: 'the number of jobs run at once',
  importLimitMb: 'the import size limit (MB)',
  defaultModelAccess: 'the default model access',
  modelCatalogue: 'the model catalogue',
};

function settingValue(key: string, value: unknown): string {
  if (key === 'defaultQuotas') {
    const v = obj(value);
    return joinWords(Object.keys(v).map((kind) => `${kind} ${policyWords(v[kind])}`));
  }
  if (key === 'defaultModelAccess') {
    const parsed = modelAccessSchema.safeParse(value);
    return parsed.success ? `“${accessWords(parsed.data)}”` : 'a new value';
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `“${value}”`;
  return 'a new value';
}

/** One function per action code recorded anywhere in main (grep `recordAudit` / `audit(`). */
export const AUDIT_SENTENCES: Record<string, Sentence> = {
  [AUDIT_ACTIONS.firstAdminCreated]: (e) => `${who(e.actor ?? e.target)} set up the studio as its first admin`,
  [AUDIT_ACTIONS.adminProvisioned]: (e) => `${who(e.target)} was made an admin from the workstation's environment settings`,
  [AUDIT_ACTIONS.loginSucceeded]: (e) => `${who(e.actor ?? e.target)} signed in`,
  [AUDIT_ACTIONS.loginFailed]: (e) => {
    const d = obj(e.details);
    const reasons = obj(d.reasons);
    const reasonKeys = Object.keys(reasons).length > 0 ? Object.keys(reasons) : [str(d.reason) ?? 'unknown'];
    const why = joinWords(reasonKeys.map((r) => FAILURE_REASONS[r] ?? r));
    if (!e.target) return `A sign-in failed with ${why}${times(d)}`;
    const verb = d.reason === 'inactive' || d.reason === 'locked' ? 'was refused: ' : 'failed with ';
    return `A sign-in to ${who(e.target)} ${verb}${why}${times(d)}`;
  },
  [AUDIT_ACTIONS.lockout]: (e, ctx) => {
    const until = num(obj(e.details).lockedUntil);
    return `${who(e.target)} was locked out${until !== null ? ` until ${ctx.time(until)}` : ''} after repeated failed sign-ins`;
  },
  [AUDIT_ACTIONS.logout]: (e) => `${who(e.actor ?? e.target)} signed out`,
  [AUDIT_ACTIONS.passwordChanged]: (e) => `${who(e.actor ?? e.target)} changed their password`,
  [AUDIT_ACTIONS.setupCodeIssued]: (e, ctx) => {
    const d = obj(e.details);
    const until = num(d.expiresAt);
    const valid = until !== null ? `, valid until ${ctx.time(until)}` : '';
    if (d.via === 'command-line recovery') {
      return `A recovery setup code for ${who(e.target)} was issued from the command line${d.reactivated === true ? ', reactivating the account' : ''}${valid}`;
    }
    const why = d.reason === 'reset' ? ' after a password reset' : d.reason === 'invite' ? ' with the invitation' : '';
    return `${who(e.actor, 'The studio')} issued a setup code for ${who(e.target)}${why}${valid}`;
  },
  [AUDIT_ACTIONS.setupCodeRedeemed]: (e) => `${who(e.target ?? e.actor)} used their setup code and chose a password`,
  [AUDIT_ACTIONS.invite]: (e) => {
    const d = obj(e.details);
    if (d.result === 'exists') return `${who(e.actor)} tried to invite ${str(d.email) ?? 'an address'}, which already has an account`;
    return `${who(e.actor)} invited ${who(e.target)} as ${d.role === 'admin' ? 'an admin' : 'a user'}`;
  },
  [AUDIT_ACTIONS.update]: (e) => {
    const d = obj(e.details);
    const changes = obj(d.changes);
    const parts: string[] = [];
    const active = obj(changes.isActive);
    if (active.to === false) parts.push(`deactivated ${who(e.target)}`);
    if (active.to === true) parts.push(`reactivated ${who(e.target)}`);
    const role = obj(changes.role);
    if (role.to === 'admin') parts.push(`made ${who(e.target)} an admin`);
    if (role.to === 'user') parts.push(`made ${who(e.target)} a user`);
    if (parts.length === 0) parts.push(`changed ${who(e.target)}`);
    const handed = num(d.handedOverUsers);
    const handover = handed ? `; the ${plural(handed, 'person', 'people')} they managed now report to ${who(e.actor)}` : '';
    return `${who(e.actor)} ${joinWords(parts)}${handover}`;
  },
  [AUDIT_ACTIONS.resetPassword]: (e) => `${who(e.actor)} reset ${whose(e.target)} password`,
  [AUDIT_ACTIONS.unlock]: (e) => `${who(e.actor)} unlocked ${whose(e.target)} account`,
  [AUDIT_ACTIONS.share]: (e) =>
    `${who(e.actor)} shared ${who(e.target)} with ${who(obj(obj(e.details).admin) as { email: string }, 'another admin')}`,
  [AUDIT_ACTIONS.unshare]: (e) =>
    `${who(e.actor)} stopped sharing ${who(e.target)} with ${who(obj(obj(e.details).admin) as { email: string }, 'another admin')}`,
  [AUDIT_ACTIONS.delete]: (e) => {
    const d = obj(e.details);
    const media = num(d.mediaCount) ?? 0;
    const fate =
      media === 0
        ? ''
        : d.media === 'transfer'
          ? `; their ${plural(media, 'item', 'items')} went to ${who(e.actor)}`
          : `; their ${plural(media, 'item was', 'items were')} deleted`;
    return `${who(e.actor)} deleted the ${d.role === 'admin' ? 'admin' : 'user'} account ${who(e.target)}${fate}`;
  },
  [AUDIT_ACTIONS.modelAccess]: (e) => {
    const after = modelAccessSchema.nullable().safeParse(obj(e.details).after ?? null);
    const to = !after.success ? 'new model access' : after.data === null ? 'the workstation default' : accessWords(after.data);
    return `${who(e.actor)} set ${whose(e.target)} model access to ${to}`;
  },
  'quotas.set': (e) => {
    const changes = obj(obj(e.details).changes);
    const parts = Object.keys(changes).map((kind) => {
      const c = obj(changes[kind]);
      return `${kind} quota from ${policyWords(c.from)} to ${policyWords(c.to)}`;
    });
    return `${who(e.actor)} changed ${whose(e.target)} ${parts.length > 0 ? joinWords(parts) : 'quotas'}`;
  },
  'quotas.reset_usage': (e) => {
    const d = obj(e.details);
    const kinds = list(d.kinds).filter((k): k is string => typeof k === 'string');
    const before = obj(d.usedBefore);
    const was = kinds.map((k) => `${k} ${num(before[k]) ?? 0}`);
    return `${who(e.actor)} reset ${whose(e.target)} ${joinWords(kinds)} usage to zero${was.length > 0 ? ` (it was ${joinWords(was)})` : ''}`;
  },
  'media.delete': (e) => {
    const count = num(obj(e.details).count) ?? 0;
    const own = e.actor?.email && e.actor.email === e.target?.email;
    return `${who(e.actor)} deleted ${plural(count, 'item', 'items')} ${own ? 'of their own' : `belonging to ${who(e.target)}`} from the gallery`;
  },
  'settings.update': (e) => {
    const d = obj(e.details);
    const key = str(d.key) ?? 'a setting';
    return `${who(e.actor)} changed ${SETTING_NAMES[key] ?? key} from ${settingValue(key, d.before)} to ${settingValue(key, d.after)}`;
  },
  'settings.api_key.set': (e) => `${who(e.actor)} set the Gemini API key`,
  'settings.api_key.cleared': (e) => `${who(e.actor)} removed the Gemini API key`,
  'settings.models.update': (e) => `${who(e.actor)} changed the model catalogue (${plural(list(obj(e.details).models).length, 'model', 'models')})`,
  'settings.models.migrate': (e) => {
    const d = obj(e.details);
    return `${who(e.actor)} moved work from the model ${str(d.from) ?? '?'} to ${str(d.to) ?? '?'}${d.defaultNow === true ? ', now the default' : ''}`;
  },
  'settings.models.check': (e) => {
    const d = obj(e.details);
    const found = [`${list(d.available).length} available`, `${list(d.missing).length} missing`];
    if (list(d.unknown).length > 0) found.push(`${list(d.unknown).length} not known`);
    const failed = str(d.errorKind) ? `; the check failed (${str(d.errorKind)})` : '';
    const by = e.actor ? who(e.actor) : str(d.trigger) ? `The studio (${str(d.trigger)})` : 'The studio';
    return `${by} checked the models with Google: ${joinWords(found)}${failed}`;
  },
  'settings.models.shipped': (e) => {
    const added = list(obj(e.details).added).map(String);
    return `The studio added ${plural(added.length, 'newly shipped model', 'newly shipped models')} to the catalogue${added.length > 0 ? `: ${added.join(', ')}` : ''}`;
  },
  'settings.prices.update': (e) => {
    const d = obj(e.details);
    const model = str(d.modelId) ?? 'a model';
    return d.shipped === true ? `${who(e.actor)} restored the shipped prices of ${model}` : `${who(e.actor)} corrected the prices of ${model}`;
  },
  'settings.diagnostics.saved': (e) => {
    const logs = num(obj(e.details).logFiles);
    return `${who(e.actor)} saved a diagnostics file${logs !== null ? ` with ${plural(logs, 'log file', 'log files')}` : ''}`;
  },
};

/** The entry as a sentence; an action this version does not know reads as its code. */
export function auditSentence(entry: AuditSentenceInput, ctx: SentenceContext): string {
  const sentence = AUDIT_SENTENCES[entry.action];
  if (sentence) return `${sentence(entry, ctx)}.`;
  return `${who(entry.actor, 'The studio')}: ${entry.action}${entry.target ? ` (${who(entry.target)})` : ''}.`;
}

/**
 * The audit page's filter groups. Each is an action prefix main filters by segment. Generation
 * attempts are not audit entries: they have their own record, the Generation log.
 */
export const AUDIT_ACTION_GROUPS = [
  { value: 'users', label: 'Accounts' },
  { value: 'auth', label: 'Sign-in' },
  { value: 'setup_code', label: 'Setup codes' },
  { value: 'quotas', label: 'Quotas' },
  { value: 'media', label: 'Media' },
  { value: 'settings', label: 'Settings' },
] as const;

/** Every action code recorded today, for tests and the filter's finer choices. */
export const KNOWN_AUDIT_ACTIONS: readonly string[] = [
  ...Object.values(AUDIT_ACTIONS),
  ...SETTINGS_AUDIT_ACTIONS,
  'settings.models.migrate',
  'settings.models.shipped',
  'quotas.set',
  'quotas.reset_usage',
  'media.delete',
];
