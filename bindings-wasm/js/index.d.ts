// Types of the cncd package: every function, and the request and result of every
// operation of the JSON contract (docs/API.md). Field names are the contract's
// (snake_case); function names are camelCase. Fields cncd does not know are kept and
// echoed back: the objects that carry them have an index signature of `unknown`.

// Optional fields of requests may also be null, as the Rust side reads them.

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ---------------------------------------------------------------- loading and errors

/** Where the module's bytes come from: a URL, a fetch Response, the bytes, or a compiled module. */
export type ModuleSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the module (by default `web/cncd_wasm_bg.wasm` beside the package's files). Call
 *  once before anything else in a browser; in Node.js the import has loaded it already. */
export function init(source?: ModuleSource | Promise<Response>): Promise<void>;
/** Loads the module from its bytes, synchronously. */
export function initSync(bytes: BufferSource | WebAssembly.Module): void;

/** The contract's error codes, and `not_initialized` (a call before `init`). */
export type ErrorCode =
  | 'bad_json' | 'unknown_op' | 'bad_request' | 'unknown_registry' | 'unknown_profile'
  | 'too_large' | 'internal' | 'not_initialized';

/** A message in Vietnamese and English. */
export type Message = { vi: string; en: string };

/** A failed call. `message` is English; `messages` has both languages. */
export class CncdError extends Error {
  readonly name: 'CncdError';
  readonly code: ErrorCode;
  /** A JSON pointer into the request, where the problem is ('' for the whole request). */
  readonly path: string | undefined;
  readonly messages: Message;
  constructor(code: ErrorCode, message: Message, path?: string);
}

// ---------------------------------------------------------------- shared shapes

export type Severity = 'error' | 'warning' | 'info';

/** A finding: a rule id of plan/RULES.md, a finer code, a severity, a JSON pointer into
 *  the request, a message in both languages, and the values it names. */
export type Diagnostic = {
  rule: string;
  code: string;
  severity: Severity;
  path: string;
  message: Message;
  params?: { [key: string]: Json };
};

export type Level = 'province' | 'district' | 'commune' | 'village' | 'school';
export type UnitKind =
  | 'tinh' | 'thanh_pho' | 'huyen' | 'quan' | 'thi_xa' | 'xa' | 'phuong' | 'thi_tran' | 'dac_khu'
  | 'thon' | 'khu_pho' | 'to_dan_pho' | 'ap' | 'ban' | 'buon' | 'lang' | 'xom' | 'khom' | 'soc'
  | 'truong' | 'other';
export type MatchKind = 'exact' | 'name_key' | 'ascii_key' | 'abbreviation' | 'typo';
export type ToneStyle = 'traditional' | 'modern';
export type TeamLevel = 'commune' | 'village' | 'school';
export type Role = 'commune_official' | 'village_head' | 'youth_union' | 'women_union' | 'enterprise_staff' | 'other';
export type Pillar = 'digital_government' | 'digital_economy' | 'digital_society';
/** A month, `YYYY-MM`. */
export type MonthText = string;
/** A day, `YYYY-MM-DD`. */
export type DateText = string;

/** A unit of an inline registry, or a village or school a request adds. */
export type UnitJson = {
  code: string;
  name: string;
  province?: string | null;
  district?: string | null;
  commune?: string | null;
};

/** A registry given inline instead of by name. */
export type RegistryJson = {
  name?: string | null;
  tiers?: 2 | 3 | null;
  provinces?: UnitJson[];
  districts?: UnitJson[];
  communes?: UnitJson[];
  villages?: UnitJson[];
  schools?: UnitJson[];
};

/** `ninh-thuan-2022` (built in), `vietnam-2022` and `vietnam-2025` (once loaded with
 *  `loadRegistry`), any name loaded, or an inline registry. */
export type RegistryRef = string | RegistryJson;
/** A built-in profile's name (`ninh-thuan-2022`, `two-tier-2025`, …) or an inline profile. */
export type ProfileRef = string | Profile;

// ---------------------------------------------------------------- the roster

export type Member = {
  name?: string | null;
  roles?: Role[];
  birth_date?: DateText | null;
  birth_year?: number | null;
  phone?: string | null;
  organisation?: string | null;
  it_skills?: boolean | null;
  [extra: string]: unknown;
};

export type Decision = {
  number?: string | null;
  date?: DateText | null;
  signer?: string | null;
  [extra: string]: unknown;
};

export type Team = {
  id?: string | null;
  level: TeamLevel;
  commune?: string | null;
  village?: string | null;
  school?: string | null;
  zalo_group?: string | null;
  decision?: Decision | null;
  members?: Member[];
  [extra: string]: unknown;
};

export type Roster = { teams?: Team[]; [extra: string]: unknown };

export type ActivityRecord = {
  team: string;
  date: DateText;
  activity: string;
  people_reached?: number;
  apps_installed?: number;
  digital_stores?: number;
  payment_accounts?: number;
  [extra: string]: unknown;
};

export type OcopProduct = {
  id?: string | null;
  name: string;
  commune: string;
  platforms?: string[];
  [extra: string]: unknown;
};

export type TrainingRecord = {
  date: DateText;
  teams: string[];
  topic?: string | null;
  organiser?: string | null;
  [extra: string]: unknown;
};

export type Target = {
  id?: string | null;
  team?: string | null;
  unit?: string | null;
  /** `records`, `people_reached`, `apps_installed`, `digital_stores`, `payment_accounts` or `activity:<id>`. */
  counter: string;
  value: number;
  from: DateText;
  to: DateText;
  [extra: string]: unknown;
};

export type Submission = {
  rule: string;
  from: string;
  month: MonthText;
  date: DateText;
  [extra: string]: unknown;
};

// ---------------------------------------------------------------- the profile

export type Size = { min?: number; max?: number };
export type Roles = { required?: Role[]; recommended?: Role[]; optional?: Role[] };
export type LevelRules = { size: Size; roles?: Roles; decision_required?: boolean };
export type Slot = 'prefix' | 'village' | 'commune' | 'parent';
export type NamingRules = {
  prefix: string;
  separator: string;
  template: Slot[];
  type_words: 'when_needed' | 'always';
  tone_style: ToneStyle | null;
};
export type ActivityKind = { id: string; pillar: Pillar; section?: string; vi: string; en: string };
export type Profile = {
  name: string;
  source: string;
  teams: { commune: LevelRules; village: LevelRules; school: LevelRules };
  youth: { max_age: number };
  decisions: { not_before: DateText; signer: string };
  naming: NamingRules;
  targets: { communes_percent: number; schools_percent: number; ocop_percent: number };
  reporting: {
    monthly_deadline_day: number;
    receiver: string;
    board: string;
    team_deadline_day?: number;
    province_deadline_day?: number;
    school_authority?: string;
  };
  activities?: ActivityKind[];
};

// ---------------------------------------------------------------- results

export type SeverityCounts = { error: number; warning: number; info: number };
export type Counts = {
  teams: number;
  valid_teams: number;
  members: number;
  findings: SeverityCounts;
  by_rule: { [rule: string]: SeverityCounts };
};
/** The verdict on a team or a roster: valid when no finding is an error. */
export type Report = { valid: boolean; counts: Counts; diagnostics: Diagnostic[] };

export type Candidate = {
  code: string;
  full_name: string;
  kind: UnitKind;
  level: Level;
  parent?: string;
  match: MatchKind;
};
export type ResolveResult = { status: 'unique' | 'ambiguous' | 'none'; candidates: Candidate[] };

export type UnitListed = { code: string; full_name: string; name: string; kind: UnitKind; level: Level; parent?: string };

export type Successor = { code: string; full_name: string; province_code: string; province_name: string; split: boolean };
export type SuccessorsResult = {
  status: 'mapped' | 'merged_before' | 'not_in_base' | 'code_reused';
  successors: Successor[];
  via?: string;
  base_name?: string;
};

export type NameCheckResult = {
  status: 'ok' | 'fixable' | 'invalid';
  canonical: string | null;
  commune: string | null;
  district: string | null;
  province: string | null;
  village: string | null;
  diagnostics: Diagnostic[];
};
export type NameSlot = { text: string; code: string | null; match: MatchKind | null };
export type NameParseResult = {
  prefix: string | null;
  separators: string;
  village: string | null;
  commune: NameSlot | null;
  parent: NameSlot | null;
  extra: string[];
  ambiguous: string[];
  unit: string | null;
};
export type RehomeResult = { names: string[]; communes: string[]; diagnostics: Diagnostic[] };

export type Measure = {
  total: number;
  covered: number;
  percent: number | null;
  target_percent: number | null;
  meets_target: boolean | null;
  missing: string[];
};
export type UnitCoverage = {
  code: string;
  full_name: string;
  level: Level;
  communes: Measure;
  villages: Measure;
  schools: Measure;
  ocop: Measure;
};
export type Coverage = {
  provinces: UnitCoverage[];
  districts: UnitCoverage[];
  communes: UnitCoverage[];
  diagnostics: Diagnostic[];
};

export type Tally = {
  records: number;
  people_reached: number;
  apps_installed: number;
  digital_stores: number;
  payment_accounts: number;
};
export type PillarTallies = { digital_government: Tally; digital_economy: Tally; digital_society: Tally };
export type TeamActivity = { index: number; team: string | null; commune: string | null; total: Tally; pillars: PillarTallies };
export type UnitActivity = {
  code: string;
  full_name: string;
  level: Level;
  teams: number;
  active_teams: number;
  total: Tally;
  pillars: PillarTallies;
  activities: { [activity: string]: Tally };
};
export type ActivitySummary = {
  month: MonthText;
  teams: TeamActivity[];
  communes: UnitActivity[];
  districts: UnitActivity[];
  provinces: UnitActivity[];
  diagnostics: Diagnostic[];
};

export type TrainingReport = { teams: number; trained: number; sessions: number; diagnostics: Diagnostic[] };
export type Progress = { index: number; id: string | null; actual: number; percent: number | null; met: boolean; closed: boolean };
export type TargetsReport = { items: Progress[]; diagnostics: Diagnostic[] };

export type Party = { kind: 'team' | 'committee' | 'department' | 'board'; code: string; name: string };
export type Chain = { supervisors: Party[]; reporter: Party; department: Party; board: Party };
export type Obligation = { id: string; rule: string; month: MonthText; from: Party; to: Party; due: DateText };
export type ObligationStatus = {
  obligation: Obligation;
  state: 'on_time' | 'late' | 'missing' | 'pending';
  submitted: DateText | null;
  days_late: number | null;
};
export type StatusReport = {
  items: ObligationStatus[];
  counts: { on_time: number; late: number; missing: number; pending: number };
  diagnostics: Diagnostic[];
};
export type DraftReport = { obligation: Obligation; coverage: UnitCoverage; activity: UnitActivity; inactive_teams: Party[] };

// ---------------------------------------------------------------- the operations

type WithUnits = { villages?: UnitJson[]; schools?: UnitJson[] };

/** Every operation of the contract: its request and its result. */
export interface Operations {
  'version': { request: Record<string, never>; result: { crate: string; contract: number } };
  'text.clean': { request: { text: string }; result: { text: string } };
  'text.name_key': { request: { text: string }; result: { key: string } };
  'text.ascii_key': { request: { text: string }; result: { key: string } };
  'text.tone_style': { request: { text: string; style: ToneStyle }; result: { text: string } };
  'text.title_case': { request: { text: string }; result: { text: string } };
  'units.resolve': {
    request: { registry: RegistryRef; text: string; level?: Level | null; within?: string | null } & WithUnits;
    result: ResolveResult;
  };
  'units.list': {
    request: { registry: RegistryRef; level?: Level | null; within?: string | null } & WithUnits;
    result: { units: UnitListed[] };
  };
  'units.successors': { request: { code: string; from?: RegistryRef | null; mapping?: string | null }; result: SuccessorsResult };
  'names.format': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; commune: string; village?: string | null };
    result: { name: string };
  };
  'names.parse': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; name: string; province?: string | null; villages?: UnitJson[] };
    result: NameParseResult;
  };
  'names.check': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; name: string; province?: string | null; villages?: UnitJson[] };
    result: NameCheckResult;
  };
  'names.rehome': {
    request: { name: string; from: RegistryRef; to: RegistryRef; profile?: ProfileRef | null; mapping?: string | null };
    result: RehomeResult;
  };
  'teams.validate': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; team: Team; as_of: DateText; villages?: UnitJson[] };
    result: Report;
  };
  'roster.validate': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; roster: Roster; as_of: DateText; villages?: UnitJson[] };
    result: Report;
  };
  'profile.get': { request: { name?: string | null }; result: { profile: Profile; builtin: string[] } };
  'coverage.compute': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; roster: Roster; ocop?: OcopProduct[] } & WithUnits;
    result: Coverage;
  };
  'activities.summarize': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; roster: Roster; activities: ActivityRecord[]; month: MonthText };
    result: ActivitySummary;
  };
  'training.check': { request: { roster: Roster; training: TrainingRecord[]; as_of: DateText }; result: TrainingReport };
  'targets.progress': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; roster: Roster; activities?: ActivityRecord[]; targets: Target[]; as_of: DateText };
    result: TargetsReport;
  };
  'reports.chain': { request: { registry: RegistryRef; profile?: ProfileRef | null; team: Team }; result: Chain };
  'reports.schedule': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; roster?: Roster; month: MonthText };
    result: { obligations: Obligation[] };
  };
  'reports.status': {
    request: { registry: RegistryRef; profile?: ProfileRef | null; roster?: Roster; month: MonthText; submitted?: Submission[]; today: DateText };
    result: StatusReport;
  };
  'reports.draft': {
    request: {
      registry: RegistryRef; profile?: ProfileRef | null; roster: Roster; activities?: ActivityRecord[]; month: MonthText;
      ocop?: OcopProduct[]; unit?: string | null;
    } & WithUnits;
    result: { reports: DraftReport[]; diagnostics: Diagnostic[] };
  };
}

export type Op = keyof Operations;
export type RequestOf<K extends Op> = Operations[K]['request'];
export type ResultOf<K extends Op> = Operations[K]['result'];
/** The envelope `callJson` returns, parsed. */
export type Envelope<K extends Op> =
  | { ok: ResultOf<K> }
  | { error: { code: ErrorCode; message: Message; path?: string } };

// ---------------------------------------------------------------- functions

/** Runs an operation of the contract; throws `CncdError` when the call fails. */
export function call<K extends Op>(op: K, request: RequestOf<K>): ResultOf<K>;
/** The envelope as JSON text, for callers that hold JSON text already. */
export function callJson(op: string, requestJson: string): string;

export function version(): ResultOf<'version'>;
/** The display form: NFC, one space, Đ for Ð, dashes and apostrophes unified. */
export function clean(text: string): string;
/** What two names share when a person would call them the same name. */
export function nameKey(text: string): string;
/** `nameKey` without diacritics: "Phường Đô Vinh" → "phuong do vinh". */
export function asciiKey(text: string): string;
/** `asciiKey` of many names in one crossing into the module. */
export function asciiKeys(names: readonly string[]): string[];
export function toneStyle(text: string, style: ToneStyle): string;
export function titleCase(text: string): string;

type Options<K extends Op, Given extends string> = Partial<Omit<RequestOf<K>, Given>>;

/** NAME-ZALO against Ninh Thuận 2022 unless `options.registry` says otherwise. */
export function checkName(name: string, options?: Options<'names.check', 'name'>): NameCheckResult;
/** Every rule of one team; `as_of` is today unless given. */
export function validateTeam(team: Team, options?: Options<'teams.validate', 'team'>): Report;
/** Every rule of a roster; `as_of` is today unless given. */
export function validateRoster(roster: Roster, options?: Options<'roster.validate', 'roster'>): Report;
export function computeCoverage(roster: Roster, options?: Options<'coverage.compute', 'roster'>): Coverage;
/** The units of a registry (Ninh Thuận 2022 unless `options.registry` says otherwise), of
 *  one level or under one unit. */
export function listUnits(options?: Partial<RequestOf<'units.list'>>): UnitListed[];
export function resolveUnit(text: string, options?: Options<'units.resolve', 'text'>): ResolveResult;

/** Adds a registry from an official list's CSV (`data/vn-units-2022.csv`, `data/vn-units-2025.csv`). */
export function loadRegistryCsv(name: string, csv: string): { name: string; communes: number };
/** Adds the commune mapping from `data/vn-commune-mapping-2025.csv` (as `vietnam-2025`). */
export function loadMappingCsv(name: string, csv: string): { name: string; rows: number };
/** Fetches a registry's CSV from `url` (the page's own origin) and adds it. */
export function loadRegistry(name: string, url: string | URL): Promise<{ name: string; communes: number }>;
