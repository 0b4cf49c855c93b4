//! The rules on a well-formed value equation, [`ValueEquation::check`]: how many buckets, their
//! names, shares and order, their windows, and each Contributions bucket's valuation rules
//! (rates, cite shares, nothing listed twice). The integrity zome runs it on every equation a
//! project adopts and the constitution check on the network's default, so a distribution never
//! starts from a malformed one.

use super::{
    Behaviour, Bucket, BucketKind, UseRule, ValuationRules, ValueEquation, WorkRule, FULL_SHARE_BP,
    MAX_BUCKETS, MAX_RATE, MAX_RATES,
};
use crate::bounds;
use crate::text::{check_text, MAX_NAME};
use crate::DomainError;
use std::collections::BTreeSet;
use std::fmt::Debug;

impl<A: Ord + Clone + Debug, R: Ord + Clone + Debug> ValueEquation<A, R> {
    /// Rules:
    /// 1. One to [`MAX_BUCKETS`] buckets, with distinct, non-empty, bounded names.
    /// 2. Each share is 1..=10,000 basis points.
    /// 3. Straight buckets come before Remaining ones and their shares total at most 100 %, so
    ///    no bucket is ever promised more than is left.
    /// 4. A Contributions bucket values at least one kind; rates are 1..=[`MAX_RATE`] per hour,
    ///    a cite share is 1..=10,000 bp; a skill, member (and skill) or resource is listed once.
    /// 5. A window ends after it starts, from 2000-01-01 to 2100-01-01 (`bounds::check_window`).
    pub fn check(&self) -> Result<(), DomainError> {
        if self.buckets.is_empty() || self.buckets.len() > MAX_BUCKETS {
            return Err(DomainError::OutOfBounds {
                field: "buckets",
                value: self.buckets.len() as u64,
                max: MAX_BUCKETS as u64,
            });
        }
        let mut seen = Seen::default();
        for bucket in &self.buckets {
            seen.add(bucket)?;
            check_window(bucket)?;
            if let BucketKind::Contributions { rules } = &bucket.kind {
                rules.check(&bucket.name)?;
            }
        }
        if seen.straight_total > FULL_SHARE_BP {
            return Err(DomainError::BadEquation(format!(
                "Straight buckets share {} bp of the income; at most 10000 can be shared",
                seen.straight_total
            )));
        }
        Ok(())
    }
}

/// What [`ValueEquation::check`] has seen of the buckets so far.
#[derive(Default)]
struct Seen<'a> {
    names: BTreeSet<&'a str>,
    straight_total: u32,
    remaining: bool,
}

impl<'a> Seen<'a> {
    /// Rules 1 to 3 on one more bucket: a new, well-formed name, a share, and its place.
    fn add<A, R>(&mut self, bucket: &'a Bucket<A, R>) -> Result<(), DomainError> {
        check_text("bucket name", &bucket.name, MAX_NAME)?;
        if !self.names.insert(bucket.name.as_str()) {
            return Err(DomainError::Duplicate {
                field: "bucket name",
                value: bucket.name.clone(),
            });
        }
        check_share("bucket share_bp", bucket.share_bp)?;
        match bucket.behaviour {
            Behaviour::Remaining => self.remaining = true,
            Behaviour::Straight if self.remaining => {
                return Err(DomainError::BadEquation(format!(
                    "Straight bucket {:?} comes after a Remaining one; list Straight buckets first",
                    bucket.name
                )))
            }
            Behaviour::Straight => self.straight_total += bucket.share_bp,
        }
        Ok(())
    }
}

/// Rule 5: a window is sensible ([`bounds::check_window`]).
fn check_window<A, R>(bucket: &Bucket<A, R>) -> Result<(), DomainError> {
    match bucket.window {
        Some(w) => bounds::check_window(
            &format!("bucket {:?}'s window", bucket.name),
            w.from_micros,
            w.until_micros,
        ),
        None => Ok(()),
    }
}

impl<A: Ord + Clone + Debug, R: Ord + Clone + Debug> ValuationRules<A, R> {
    /// Rule 4 on the rules of the Contributions bucket named `bucket`.
    fn check(&self, bucket: &str) -> Result<(), DomainError> {
        let any = self.work.is_some()
            || self.use_of_resources.is_some()
            || self.cite.is_some()
            || self.financial.is_some()
            || self.material.is_some();
        if !any {
            return Err(DomainError::BadEquation(format!(
                "bucket {bucket:?} values no kind of contribution"
            )));
        }
        if let Some(work) = &self.work {
            work.check()?;
        }
        if let Some(use_rule) = &self.use_of_resources {
            use_rule.check()?;
        }
        if let Some(cite) = &self.cite {
            check_share("cite share_bp", cite.share_bp)?;
        }
        Ok(())
    }
}

impl<A: Ord + Clone + Debug> WorkRule<A> {
    fn check(&self) -> Result<(), DomainError> {
        check_rate(self.default_rate)?;
        let skills = self.skill_rates.iter().map(|s| &s.skill);
        for skill in skills.chain(self.member_rates.iter().filter_map(|m| m.skill.as_ref())) {
            check_text("skill", skill, MAX_NAME)?;
        }
        check_listed_once(
            "skill_rates",
            self.skill_rates.iter().map(|s| (s.skill.clone(), s.rate)),
        )?;
        check_listed_once(
            "member_rates",
            self.member_rates
                .iter()
                .map(|m| ((m.member.clone(), m.skill.clone()), m.rate)),
        )
    }
}

impl<R: Ord + Clone + Debug> UseRule<R> {
    fn check(&self) -> Result<(), DomainError> {
        check_rate(self.default_rate)?;
        check_listed_once(
            "resource_rates",
            self.resource_rates
                .iter()
                .map(|r| (r.resource.clone(), r.rate)),
        )
    }
}

fn check_share(field: &'static str, bp: u32) -> Result<(), DomainError> {
    if bp == 0 {
        return Err(DomainError::NotPositive { field });
    }
    if bp > FULL_SHARE_BP {
        return Err(DomainError::OutOfBounds {
            field,
            value: bp.into(),
            max: FULL_SHARE_BP.into(),
        });
    }
    Ok(())
}

fn check_rate(rate: u64) -> Result<(), DomainError> {
    if rate == 0 {
        return Err(DomainError::NotPositive { field: "rate" });
    }
    if rate > MAX_RATE {
        return Err(DomainError::OutOfBounds {
            field: "rate",
            value: rate,
            max: MAX_RATE,
        });
    }
    Ok(())
}

fn check_listed_once<K: Ord + Debug>(
    field: &'static str,
    items: impl Iterator<Item = (K, u64)>,
) -> Result<(), DomainError> {
    let mut seen = BTreeSet::new();
    for (count, (key, rate)) in items.enumerate() {
        if count >= MAX_RATES {
            return Err(DomainError::TooManyItems {
                field,
                count: count + 1,
                max: MAX_RATES,
            });
        }
        check_rate(rate)?;
        let shown = format!("{key:?}");
        if !seen.insert(key) {
            return Err(DomainError::Duplicate {
                field,
                value: shown,
            });
        }
    }
    Ok(())
}
