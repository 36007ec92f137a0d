//! Activity records and their monthly sums.

use crate::catalogue::Pillar;
use crate::diagnostics::{Diagnostic, Severity};
use crate::month::Month;
use crate::profile::Profile;
use crate::teams::{parse_date, provinces_of_communes, team_communes, Roster};
use crate::units::{list_at, Level, Registry, UnitId};
use crate::FastMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One thing a team did on one day: the row of a team's activity log.
///
/// ```
/// let r: cncd::activities::ActivityRecord = serde_json::from_str(
///     r#"{"team": "T-1", "date": "2022-07-04", "activity": "gov.apps", "apps_installed": 25, "place": "Nhà văn hóa thôn"}"#).unwrap();
/// assert_eq!(r.apps_installed, 25);
/// assert_eq!(r.extra["place"], "Nhà văn hóa thôn"); // kept, echoed back unchanged
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActivityRecord {
    /// The team's `id` in the roster.
    pub team: String,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The activity's id in the profile's catalogue.
    pub activity: String,
    /// People reached.
    #[serde(default)]
    pub people_reached: u64,
    /// Apps installed on people's phones.
    #[serde(default)]
    pub apps_installed: u64,
    /// Digital stores opened.
    #[serde(default)]
    pub digital_stores: u64,
    /// Payment accounts or e-wallets opened.
    #[serde(default)]
    pub payment_accounts: u64,
    /// Fields cncd does not know, kept.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Sums of activity records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Records.
    pub records: u64,
    /// People reached.
    pub people_reached: u64,
    /// Apps installed.
    pub apps_installed: u64,
    /// Digital stores opened.
    pub digital_stores: u64,
    /// Payment accounts opened.
    pub payment_accounts: u64,
}

impl Tally {
    /// Adds one record (saturating, as every sum of the crate).
    pub(crate) fn add_record(&mut self, r: &ActivityRecord) {
        self.records += 1;
        self.people_reached = self.people_reached.saturating_add(r.people_reached);
        self.apps_installed = self.apps_installed.saturating_add(r.apps_installed);
        self.digital_stores = self.digital_stores.saturating_add(r.digital_stores);
        self.payment_accounts = self.payment_accounts.saturating_add(r.payment_accounts);
    }

    /// Adds another tally.
    ///
    /// ```
    /// use cncd::activities::Tally;
    /// let mut a = Tally { records: 1, people_reached: 10, ..Tally::default() };
    /// a.add(&a.clone());
    /// assert_eq!((a.records, a.people_reached), (2, 20));
    /// ```
    pub fn add(&mut self, o: &Tally) {
        self.records = self.records.saturating_add(o.records);
        self.people_reached = self.people_reached.saturating_add(o.people_reached);
        self.apps_installed = self.apps_installed.saturating_add(o.apps_installed);
        self.digital_stores = self.digital_stores.saturating_add(o.digital_stores);
        self.payment_accounts = self.payment_accounts.saturating_add(o.payment_accounts);
    }

    /// The value of a counter by its name in JSON (`records`, `people_reached`,
    /// `apps_installed`, `digital_stores`, `payment_accounts`).
    ///
    /// ```
    /// let t = cncd::activities::Tally { digital_stores: 4, ..Default::default() };
    /// assert_eq!(t.get("digital_stores"), Some(4));
    /// assert_eq!(t.get("stores"), None);
    /// ```
    pub fn get(&self, counter: &str) -> Option<u64> {
        Some(match counter {
            "records" => self.records,
            "people_reached" => self.people_reached,
            "apps_installed" => self.apps_installed,
            "digital_stores" => self.digital_stores,
            "payment_accounts" => self.payment_accounts,
            _ => return None,
        })
    }

    /// The counters' names, as [`get`](Tally::get) takes them.
    pub const COUNTERS: [&'static str; 5] = ["records", "people_reached", "apps_installed", "digital_stores", "payment_accounts"];
}

/// A tally per pillar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PillarTallies {
    /// Chính quyền số.
    pub digital_government: Tally,
    /// Kinh tế số.
    pub digital_economy: Tally,
    /// Xã hội số.
    pub digital_society: Tally,
}

impl PillarTallies {
    fn get_mut(&mut self, p: Pillar) -> &mut Tally {
        match p {
            Pillar::DigitalGovernment => &mut self.digital_government,
            Pillar::DigitalEconomy => &mut self.digital_economy,
            Pillar::DigitalSociety => &mut self.digital_society,
        }
    }

    fn add(&mut self, o: &PillarTallies) {
        self.digital_government.add(&o.digital_government);
        self.digital_economy.add(&o.digital_economy);
        self.digital_society.add(&o.digital_society);
    }
}

/// One team's month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamActivity {
    /// The team's place in the roster.
    pub index: usize,
    /// Its id, if it has one.
    pub team: Option<String>,
    /// Its commune's code.
    pub commune: Option<String>,
    /// All its records of the month.
    pub total: Tally,
    /// Per pillar.
    pub pillars: PillarTallies,
}

/// One unit's month: the sum over the teams in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitActivity {
    /// The unit's code.
    pub code: String,
    /// Its full name.
    pub full_name: String,
    /// Its level.
    pub level: Level,
    /// Teams in the unit.
    pub teams: usize,
    /// Teams with at least one record in the month.
    pub active_teams: usize,
    /// All records of the month.
    pub total: Tally,
    /// Per pillar.
    pub pillars: PillarTallies,
    /// Per activity id, those with records only.
    pub activities: BTreeMap<String, Tally>,
}

/// A month of activity, from the team up to the province.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivitySummary {
    /// The month.
    pub month: Month,
    /// Every team of the roster, in its order.
    pub teams: Vec<TeamActivity>,
    /// Every commune of the provinces the roster covers, in the registry's order.
    pub communes: Vec<UnitActivity>,
    /// Their districts (none in a two-tier registry).
    pub districts: Vec<UnitActivity>,
    /// Their provinces.
    pub provinces: Vec<UnitActivity>,
    /// Records that could not be counted (REPORT-TEAM), with paths `/activities/N`.
    pub diagnostics: Vec<Diagnostic>,
}

impl ActivitySummary {
    /// The summary of the unit with `code` at `level`.
    ///
    /// ```
    /// # use cncd::{activities::summarize, profile::Profile, teams::Roster, units::{Level, Registry}};
    /// let s = summarize(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(),
    ///     &serde_json::from_str::<Roster>(r#"{"teams": [{"level": "commune", "commune": "22885", "members": []}]}"#).unwrap(),
    ///     &[], "2022-07".parse().unwrap());
    /// assert_eq!(s.unit(Level::Commune, "22885").unwrap().teams, 1);
    /// ```
    pub fn unit(&self, level: Level, code: &str) -> Option<&UnitActivity> {
        list_at(level, &self.provinces, &self.districts, &self.communes)?.iter().find(|u| u.code == code)
    }
}

/// What keeps one record from being counted: a date that cannot be read, an activity
/// outside the profile's catalogue, a team not in `roster` (REPORT-TEAM errors, under
/// `path`, the record's place in the request). A service asks this before it stores a
/// record; [`summarize`] reports the same findings for a whole log.
///
/// ```
/// use cncd::activities::{check_record, ActivityRecord};
/// use cncd::{profile::Profile, teams::Roster};
/// let roster: Roster = serde_json::from_str(r#"{"teams": [{"id": "PH", "level": "commune", "commune": "22885", "members": []}]}"#).unwrap();
/// let r: ActivityRecord = serde_json::from_str(r#"{"team": "PH", "date": "2022-07-04", "activity": "gov.apps"}"#).unwrap();
/// assert!(check_record(&Profile::ninh_thuan_2022(), &roster, &r, "").is_empty());
/// let r: ActivityRecord = serde_json::from_str(r#"{"team": "PX", "date": "4 July", "activity": "gov.apps"}"#).unwrap();
/// let d = check_record(&Profile::ninh_thuan_2022(), &roster, &r, "");
/// assert_eq!(d.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(), ["/date", "/team"]);
/// ```
pub fn check_record(profile: &Profile, roster: &Roster, record: &ActivityRecord, path: &str) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    if parse_date(&record.date).is_none() {
        d.push(record_finding(path, Unread::Date, record, &profile.name));
    }
    if !profile.activities.iter().any(|k| k.id == record.activity) {
        d.push(record_finding(path, Unread::Activity, record, &profile.name));
    }
    if !roster.teams.iter().any(|t| t.id.as_deref() == Some(record.team.as_str())) {
        d.push(record_finding(path, Unread::Team, record, &profile.name));
    }
    d
}

/// Sums `records` of `month` per team, commune, district and province. Records of other
/// months are skipped; a record whose team, date or activity is unknown is reported
/// (REPORT-TEAM, at `/activities/N/…`) and not counted. The catalogue is the profile's.
/// Cost: one pass over the records, with a hash lookup of the team and the activity.
///
/// See [the module](crate::activities) for an example.
pub fn summarize(registry: &Registry, profile: &Profile, roster: &Roster, records: &[ActivityRecord], month: Month) -> ActivitySummary {
    let catalogue = &profile.activities;
    let kinds = Kinds::new(catalogue);
    let team_units = team_communes(registry, roster);
    let provinces = provinces_of_communes(registry, team_units.iter().flatten().copied());
    let communes: Vec<UnitId> = provinces.iter().flat_map(|&p| registry.descendants_at(p, Level::Commune)).collect();
    let commune_index: FastMap<UnitId, usize> = communes.iter().enumerate().map(|(i, &c)| (c, i)).collect();

    // Per team: its commune's index in `communes`. The ids are copied into one arena so
    // that the lookups of a million records compare against memory that stays in cache.
    let team_commune: Vec<Option<usize>> = team_units.iter().map(|c| c.and_then(|c| commune_index.get(&c).copied())).collect();
    let mut arena = String::with_capacity(roster.teams.iter().map(|t| t.id.as_ref().map_or(0, String::len)).sum());
    let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(roster.teams.len());
    for (i, t) in roster.teams.iter().enumerate() {
        if let Some(id) = t.id.as_deref() {
            spans.push((arena.len(), arena.len() + id.len(), i));
            arena.push_str(id);
        }
    }
    // Each id gives its team and the team's commune, so that the loop needs one lookup.
    let mut by_id: FastMap<&str, (usize, Option<usize>)> = FastMap::with_capacity_and_hasher(spans.len(), Default::default());
    for &(a, b, i) in &spans {
        by_id.entry(&arena[a..b]).or_insert((i, team_commune[i]));
    }

    // Per team and pillar, and per commune and activity kind. Counting in u32 halves the
    // memory the loop touches at random, which is most of its cost; a sum that would
    // overflow u32 (no real month comes near) makes it count again in u64.
    let k = catalogue.len();
    let pass = Pass { records, month, profile, kinds: &kinds, by_id: &by_id, k, communes: communes.len() };
    let mut diagnostics = Vec::new();
    let tables = match pass.run::<Small>(roster.teams.len(), &mut diagnostics) {
        Some((t, c)) => Tables::Small(t, c),
        None => {
            diagnostics.clear();
            let (t, c) = pass.run::<Tally>(roster.teams.len(), &mut diagnostics).unwrap_or_default();
            Tables::Big(t, c)
        }
    };
    let teams: Vec<TeamActivity> = roster
        .teams
        .iter()
        .zip(&team_units)
        .enumerate()
        .map(|(i, (t, c))| {
            let p = [0, 1, 2].map(|pillar| tables.team(i, pillar));
            let pillars = PillarTallies { digital_government: p[0], digital_economy: p[1], digital_society: p[2] };
            let mut total = p[0];
            total.add(&p[1]);
            total.add(&p[2]);
            TeamActivity { index: i, team: t.id.clone(), commune: c.map(|c| registry.unit(c).code().to_string()), total, pillars }
        })
        .collect();

    // Communes, then roll up.
    let mut team_counts = vec![(0usize, 0usize); communes.len()];
    for (t, c) in teams.iter().zip(&team_commune) {
        if let Some(c) = *c {
            team_counts[c].0 += 1;
            team_counts[c].1 += usize::from(t.total.records > 0);
        }
    }
    let unit_of = |id: UnitId| {
        let u = registry.unit(id);
        UnitActivity {
            code: u.code().to_string(),
            full_name: u.full_name().to_string(),
            level: u.level(),
            teams: 0,
            active_teams: 0,
            total: Tally::default(),
            pillars: PillarTallies::default(),
            activities: BTreeMap::new(),
        }
    };
    let mut out_communes: Vec<UnitActivity> = Vec::with_capacity(communes.len());
    for (i, &c) in communes.iter().enumerate() {
        let mut u = unit_of(c);
        (u.teams, u.active_teams) = team_counts[i];
        for (kind, a) in catalogue.iter().enumerate() {
            let cell = tables.cell(i * k + kind);
            if cell.records > 0 {
                u.total.add(&cell);
                u.pillars.get_mut(a.pillar).add(&cell);
                u.activities.insert(a.id.clone(), cell);
            }
        }
        out_communes.push(u);
    }
    let roll = |level: Level| -> Vec<UnitActivity> {
        registry.roll_up(&provinces, level, &communes, &out_communes, unit_of, |u, sum| {
            u.teams += sum.teams;
            u.active_teams += sum.active_teams;
            u.total.add(&sum.total);
            u.pillars.add(&sum.pillars);
            for (id, t) in &sum.activities {
                // The key is cloned only where it is new to the unit.
                match u.activities.get_mut(id) {
                    Some(mine) => mine.add(t),
                    None => {
                        u.activities.insert(id.clone(), *t);
                    }
                }
            }
        })
    };
    let districts = roll(Level::District);
    let provinces_out = roll(Level::Province);
    ActivitySummary { month, teams, communes: out_communes, districts, provinces: provinces_out, diagnostics }
}

/// A counter cell of the hot loop.
trait Cell: Copy + Default {
    /// Adds a record; false if a sum would overflow.
    fn add(&mut self, r: &ActivityRecord) -> bool;
}

impl Cell for Tally {
    fn add(&mut self, r: &ActivityRecord) -> bool {
        self.add_record(r);
        true
    }
}

/// [`Tally`] in u32.
#[derive(Clone, Copy, Default)]
struct Small([u32; 5]);

impl Small {
    fn tally(self) -> Tally {
        let [records, people_reached, apps_installed, digital_stores, payment_accounts] = self.0.map(u64::from);
        Tally { records, people_reached, apps_installed, digital_stores, payment_accounts }
    }
}

impl Cell for Small {
    fn add(&mut self, r: &ActivityRecord) -> bool {
        let add = |a: &mut u32, b: u64| u32::try_from(b).ok().and_then(|b| a.checked_add(b)).map(|s| *a = s).is_some();
        let [n, p, a, d, m] = &mut self.0;
        add(n, 1) & add(p, r.people_reached) & add(a, r.apps_installed) & add(d, r.digital_stores) & add(m, r.payment_accounts)
    }
}

/// The catalogue's ids, found by a scan of their lengths and first bytes: a catalogue
/// has a dozen entries, where a hash of every record's activity would cost more.
struct Kinds<'a>(Vec<(usize, u64, &'a str)>);

impl<'a> Kinds<'a> {
    fn new(catalogue: &'a [crate::catalogue::ActivityKind]) -> Self {
        Kinds(catalogue.iter().map(|k| (k.id.len(), Self::head(&k.id), k.id.as_str())).collect())
    }

    fn head(s: &str) -> u64 {
        let mut b = [0u8; 8];
        let n = s.len().min(8);
        b[..n].copy_from_slice(&s.as_bytes()[..n]);
        u64::from_le_bytes(b)
    }

    fn get(&self, s: &str) -> Option<usize> {
        let (len, head) = (s.len(), Self::head(s));
        self.0.iter().position(|&(l, h, id)| l == len && h == head && id == s)
    }
}

/// The tables of a pass, in whichever width it counted.
enum Tables {
    Small(Vec<Row<Small>>, Vec<Small>),
    Big(Vec<Row<Tally>>, Vec<Tally>),
}

/// A team's three pillars, on a cache line of its own (60 bytes in u32): an update
/// touches one line, not two.
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
struct Row<C>([C; 3]);

impl Tables {
    fn team(&self, t: usize, pillar: usize) -> Tally {
        match self {
            Tables::Small(teams, _) => teams[t].0[pillar].tally(),
            Tables::Big(teams, _) => teams[t].0[pillar],
        }
    }

    fn cell(&self, i: usize) -> Tally {
        match self {
            Tables::Small(_, cells) => cells[i].tally(),
            Tables::Big(_, cells) => cells[i],
        }
    }
}

/// One pass over the records.
struct Pass<'a> {
    records: &'a [ActivityRecord],
    month: Month,
    profile: &'a Profile,
    kinds: &'a Kinds<'a>,
    by_id: &'a FastMap<&'a str, (usize, Option<usize>)>,
    k: usize,
    communes: usize,
}

impl Pass<'_> {
    /// Sums per team and pillar, and per commune and kind; `None` on overflow.
    #[allow(clippy::type_complexity)]
    fn run<C: Cell>(&self, teams: usize, diagnostics: &mut Vec<Diagnostic>) -> Option<(Vec<Row<C>>, Vec<C>)> {
        let catalogue = &self.profile.activities;
        let mut per_team = vec![Row([C::default(); 3]); teams];
        let mut cells = vec![C::default(); self.communes * self.k];
        // Lookups for a batch of records first, then their updates: the updates of a
        // batch are independent loads that the processor overlaps, where one record at a
        // time would wait for each.
        const BATCH: usize = 64;
        let mut batch: Vec<(usize, usize, Option<usize>, usize)> = Vec::with_capacity(BATCH);
        for (start, chunk) in self.records.chunks(BATCH).enumerate() {
            batch.clear();
            for (j, r) in chunk.iter().enumerate() {
                let n = start * BATCH + j;
                let Some(date) = parse_date(&r.date) else {
                    diagnostics.push(record_finding(&format!("/activities/{n}"), Unread::Date, r, &self.profile.name));
                    continue;
                };
                if !self.month.contains(date) {
                    continue;
                }
                let Some(kind) = self.kinds.get(&r.activity) else {
                    diagnostics.push(record_finding(&format!("/activities/{n}"), Unread::Activity, r, &self.profile.name));
                    continue;
                };
                let Some(&(t, c)) = self.by_id.get(r.team.as_str()) else {
                    diagnostics.push(record_finding(&format!("/activities/{n}"), Unread::Team, r, &self.profile.name));
                    continue;
                };
                batch.push((j, t, c, kind));
            }
            for &(j, t, c, kind) in &batch {
                let r = &chunk[j];
                let mut ok = per_team[t].0[catalogue[kind].pillar as usize].add(r);
                if let Some(c) = c {
                    ok &= cells[c * self.k + kind].add(r);
                }
                if !ok {
                    return None;
                }
            }
        }
        Some((per_team, cells))
    }
}

/// Why a record could not be counted.
#[derive(Clone, Copy)]
enum Unread {
    Date,
    Activity,
    Team,
}

fn record_finding(at: &str, why: Unread, r: &ActivityRecord, profile: &str) -> Diagnostic {
    let (field, code, value, vi, en) = match why {
        Unread::Date => (
            "date",
            "activity_bad_date",
            &r.date,
            format!("Ngày {:?} không đọc được (cần YYYY-MM-DD)", r.date),
            format!("the date {:?} cannot be read (YYYY-MM-DD expected)", r.date),
        ),
        Unread::Activity => (
            "activity",
            "activity_unknown",
            &r.activity,
            format!("Hoạt động {:?} không có trong danh mục của cấu hình {profile}", r.activity),
            format!("the activity {:?} is not in the catalogue of profile {profile}", r.activity),
        ),
        Unread::Team => (
            "team",
            "activity_unknown_team",
            &r.team,
            format!("Không có tổ mã {:?} trong danh sách", r.team),
            format!("no team with id {:?} in the roster", r.team),
        ),
    };
    Diagnostic::new("REPORT-TEAM", code, Severity::Error, format!("{at}/{field}"), vi, en).param("value", value.as_str())
}
