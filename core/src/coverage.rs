//! Coverage: how many communes, villages, schools and OCOP products the teams reach,
//! against the profile's targets, with the list of what is missing.
//!
//! The plan's targets (RULES.md, ORG-COMMUNE, ORG-SCHOOL and II.4.b) are a team in 100 %
//! of communes and of schools, and 100 % of OCOP products on e-commerce platforms;
//! villages have no target and are reported. Every percentage comes from
//! [`Profile::targets`](crate::profile::Profile::targets).
//!
//! ```
//! use cncd::{coverage::compute, profile::Profile, teams::Roster, units::Registry};
//! let roster: Roster = serde_json::from_str(r#"{"teams": [
//!   {"level": "commune", "commune": "22885", "members": []},
//!   {"level": "commune", "commune": "22897", "members": []}]}"#).unwrap();
//! let cov = compute(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &roster, &[]);
//! let thuan_nam = cov.districts.iter().find(|d| d.full_name == "Huyện Thuận Nam").unwrap();
//! assert_eq!((thuan_nam.communes.covered, thuan_nam.communes.total), (2, 8));
//! assert_eq!(thuan_nam.communes.meets_target, Some(false));
//! assert_eq!(cov.provinces[0].communes.missing.len(), 63);
//! ```

use crate::diagnostics::{Diagnostic, Severity};
use crate::profile::{Profile, TeamLevel};
use crate::teams::{provinces_of_communes, team_communes, Roster};
use crate::text::name_key;
use crate::units::{list_at, Level, Registry, UnitId};
use crate::{FastMap, FastSet};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An OCOP product (Chương trình Mỗi xã một sản phẩm) of a commune, and the e-commerce
/// platforms it is listed on.
///
/// ```
/// let p: cncd::coverage::OcopProduct = serde_json::from_str(
///     r#"{"id": "NT-001", "name": "Nho Ba Mọi", "commune": "22885", "platforms": ["postmart.vn"]}"#).unwrap();
/// assert!(p.is_listed());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OcopProduct {
    /// Its id in the province's OCOP list.
    #[serde(default)]
    pub id: Option<String>,
    /// Its name.
    pub name: String,
    /// The code of the commune that makes it.
    pub commune: String,
    /// The platforms it is on (empty: not listed).
    #[serde(default)]
    pub platforms: Vec<String>,
    /// Fields cncd does not know, kept.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl OcopProduct {
    /// Listed on at least one platform.
    pub fn is_listed(&self) -> bool {
        self.platforms.iter().any(|p| !p.trim().is_empty())
    }

    fn key(&self) -> String {
        self.id.clone().unwrap_or_else(|| self.name.clone())
    }
}

/// One measure: how many of `total` are covered, against a target.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// How many there are.
    pub total: usize,
    /// How many are covered.
    pub covered: usize,
    /// `covered / total` in percent, rounded to one decimal; `null` when `total` is 0.
    pub percent: Option<f64>,
    /// The profile's target in percent; `null` where there is none (villages).
    pub target_percent: Option<u32>,
    /// Whether `covered / total` reaches the target (true when there is nothing to
    /// cover); `null` without a target.
    pub meets_target: Option<bool>,
    /// What is not covered: unit codes (communes, villages, schools) or product ids.
    pub missing: Vec<String>,
}

impl Measure {
    fn new(target: Option<u32>) -> Measure {
        Measure { target_percent: target, ..Measure::default() }
    }

    fn count(&mut self, covered: bool, key: impl FnOnce() -> String) {
        self.total += 1;
        if covered {
            self.covered += 1;
        } else {
            self.missing.push(key());
        }
    }

    fn merge(&mut self, o: &Measure) {
        self.total += o.total;
        self.covered += o.covered;
        self.missing.extend(o.missing.iter().cloned());
    }

    fn finish(&mut self) {
        self.percent = (self.total > 0).then(|| (self.covered as f64 * 1000.0 / self.total as f64).round() / 10.0);
        self.meets_target = self.target_percent.map(|t| self.covered as u64 * 100 >= t as u64 * self.total as u64);
    }
}

/// The coverage of one unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitCoverage {
    /// The unit's code.
    pub code: String,
    /// Its full name.
    pub full_name: String,
    /// Its level.
    pub level: Level,
    /// Communes with a commune-level team (ORG-COMMUNE).
    pub communes: Measure,
    /// Villages with a village team (ORG-VILLAGE: no target). The villages are those of
    /// the registry (given in the request) and those the teams name.
    pub villages: Measure,
    /// Schools with a team (ORG-SCHOOL). The schools are those of the registry (given in
    /// the request) and those the teams name.
    pub schools: Measure,
    /// OCOP products listed on an e-commerce platform (TARGETS, II.4.b).
    pub ocop: Measure,
}

/// Coverage from the commune up to the province.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// The provinces the roster covers.
    pub provinces: Vec<UnitCoverage>,
    /// Their districts (none in a two-tier registry).
    pub districts: Vec<UnitCoverage>,
    /// Their communes.
    pub communes: Vec<UnitCoverage>,
    /// A warning for each unit just below the province (district, or commune in two
    /// tiers) that misses a target, and errors for OCOP products that name no commune
    /// (paths `/ocop/N`).
    pub diagnostics: Vec<Diagnostic>,
}

impl Coverage {
    /// The coverage of the unit with `code` at `level`.
    ///
    /// ```
    /// # use cncd::{coverage::compute, profile::Profile, teams::Roster, units::{Level, Registry}};
    /// let cov = compute(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(),
    ///     &serde_json::from_str::<Roster>(r#"{"teams": [{"level": "commune", "commune": "22885", "members": []}]}"#).unwrap(), &[]);
    /// assert_eq!(cov.unit(Level::Commune, "22885").unwrap().communes.covered, 1);
    /// ```
    pub fn unit(&self, level: Level, code: &str) -> Option<&UnitCoverage> {
        list_at(level, &self.provinces, &self.districts, &self.communes)?.iter().find(|u| u.code == code)
    }
}

/// Computes coverage over the provinces the roster's teams are in. Villages and schools
/// are the registry's (add them with [`Registry::add_village`] and
/// [`Registry::add_school`]) plus any a team names that the registry lacks; a team names
/// its village or school by name (compared by [`name_key`]) or by code.
///
/// See [the module](crate::coverage) for an example.
pub fn compute(registry: &Registry, profile: &Profile, roster: &Roster, ocop: &[OcopProduct]) -> Coverage {
    let team_units = team_communes(registry, roster);
    let provinces = provinces_of_communes(registry, team_units.iter().flatten().copied());
    let communes: Vec<UnitId> = provinces.iter().flat_map(|&p| registry.descendants_at(p, Level::Commune)).collect();
    let index: FastMap<UnitId, usize> = communes.iter().enumerate().map(|(i, &c)| (c, i)).collect();

    // What the teams name, per commune.
    let mut commune_team = vec![false; communes.len()];
    let mut named: Vec<[FastSet<String>; 2]> = vec![Default::default(); communes.len()];
    for (t, c) in roster.teams.iter().zip(&team_units) {
        let Some(&i) = c.as_ref().and_then(|c| index.get(c)) else {
            continue;
        };
        let (slot, unit) = match t.level {
            TeamLevel::Commune => {
                commune_team[i] = true;
                continue;
            }
            TeamLevel::Village => (0, t.village.as_deref()),
            TeamLevel::School => (1, t.school.as_deref()),
        };
        if let Some(u) = unit.filter(|u| !u.trim().is_empty()) {
            named[i][slot].insert(name_key(u));
        }
    }

    let mut products: Vec<Vec<&OcopProduct>> = vec![Vec::new(); communes.len()];
    let mut diagnostics = Vec::new();
    for (n, p) in ocop.iter().enumerate() {
        match registry.find(Level::Commune, &p.commune).and_then(|c| index.get(&c)) {
            Some(&i) => products[i].push(p),
            None => diagnostics.push(
                Diagnostic::new(
                    "TARGETS",
                    "ocop_unknown_commune",
                    Severity::Error,
                    format!("/ocop/{n}/commune"),
                    format!("Sản phẩm OCOP {:?}: không có xã mã {:?} trong phạm vi", p.name, p.commune),
                    format!("OCOP product {:?}: no commune with code {:?} in scope", p.name, p.commune),
                )
                .param("commune", p.commune.as_str()),
            ),
        }
    }

    let mut out_communes = Vec::with_capacity(communes.len());
    for (i, &c) in communes.iter().enumerate() {
        let u = registry.unit(c);
        let mut cov = empty(registry, c, profile);
        cov.communes.count(commune_team[i], || u.code().to_string());
        for (slot, level) in [(0, Level::Village), (1, Level::School)] {
            let m = if slot == 0 { &mut cov.villages } else { &mut cov.schools };
            let mut seen: FastSet<String> = FastSet::default();
            for &child in registry.children(c) {
                let child = registry.unit(child);
                if child.level() == level {
                    // A team may write the full name, the bare name or the code.
                    let keys = [name_key(child.full_name()), child.name_key().to_string(), name_key(child.code())];
                    let covered = keys.iter().any(|k| named[i][slot].contains(k));
                    seen.extend(keys);
                    m.count(covered, || child.code().to_string());
                }
            }
            // Units a team names that the registry lacks: covered, and counted.
            for _ in named[i][slot].iter().filter(|k| !seen.contains(k.as_str())) {
                m.count(true, String::new);
            }
        }
        for p in &products[i] {
            cov.ocop.count(p.is_listed(), || p.key());
        }
        out_communes.push(cov);
    }
    out_communes.iter_mut().for_each(finish);
    let roll = |level: Level| -> Vec<UnitCoverage> {
        let mut out = registry.roll_up(
            &provinces,
            level,
            &communes,
            &out_communes,
            |p| empty(registry, p, profile),
            |u, cov| {
                u.communes.merge(&cov.communes);
                u.villages.merge(&cov.villages);
                u.schools.merge(&cov.schools);
                u.ocop.merge(&cov.ocop);
            },
        );
        out.iter_mut().for_each(finish);
        out
    };
    let districts = roll(Level::District);
    let provinces_out = roll(Level::Province);

    // Findings for the units that report to the province.
    let reporters = if districts.is_empty() { &out_communes } else { &districts };
    for u in reporters {
        for (m, rule, code, vi, en) in [
            (&u.communes, "ORG-COMMUNE", "communes_below_target", "xã có Tổ cấp xã", "communes with a commune team"),
            (&u.schools, "ORG-SCHOOL", "schools_below_target", "trường có Tổ", "schools with a team"),
            (&u.ocop, "TARGETS", "ocop_below_target", "sản phẩm OCOP trên sàn thương mại điện tử", "OCOP products on e-commerce platforms"),
        ] {
            if m.meets_target == Some(false) {
                diagnostics.push(
                    Diagnostic::new(
                        rule,
                        code,
                        Severity::Warning,
                        "/roster/teams",
                        format!("{}: {}/{} {vi}, chỉ tiêu {} %", u.full_name, m.covered, m.total, m.target_percent.unwrap_or(0)),
                        format!("{}: {}/{} {en}, target {} %", u.full_name, m.covered, m.total, m.target_percent.unwrap_or(0)),
                    )
                    .param("unit", u.code.as_str())
                    .param("covered", m.covered)
                    .param("total", m.total)
                    .param("target", m.target_percent.unwrap_or(0))
                    .param("missing", m.missing.clone()),
                );
            }
        }
    }
    Coverage { provinces: provinces_out, districts, communes: out_communes, diagnostics }
}

fn empty(registry: &Registry, id: UnitId, profile: &Profile) -> UnitCoverage {
    let u = registry.unit(id);
    let t = &profile.targets;
    UnitCoverage {
        code: u.code().to_string(),
        full_name: u.full_name().to_string(),
        level: u.level(),
        communes: Measure::new(Some(t.communes_percent)),
        villages: Measure::new(None),
        schools: Measure::new(Some(t.schools_percent)),
        ocop: Measure::new(Some(t.ocop_percent)),
    }
}

fn finish(u: &mut UnitCoverage) {
    for m in [&mut u.communes, &mut u.villages, &mut u.schools, &mut u.ocop] {
        m.finish();
    }
}
