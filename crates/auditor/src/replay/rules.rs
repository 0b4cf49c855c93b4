//! The rules of each entry type that one chain can answer, replayed as the integrity zome
//! checks them.

use super::{decode, text, AppEntry, Replayer};
use super::{Contribution, Distribution, Endorsement, IncomeEvent, License, LicenseGrant};
use super::{PrivateProfile, Profile, Resource, ResourceUse};
use ovn_domain::accounting::contribution::check_description_and_evidence;
use ovn_domain::accounting::endorsement::check_new_word;
use ovn_domain::bounds::check_date;
use ovn_domain::ledger::income::check_income;
use ovn_domain::licenses::license_fee;
use ovn_domain::members::profile::{check_private_profile, check_profile};
use ovn_domain::resources::resource::use_minutes;
use ovn_domain::IncomeSource;

impl Replayer {
    pub(super) fn profile(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let p: Profile = decode(e.bytes)?;
        self.checked(2);
        check_profile(&p.nickname, &p.skills).map_err(|d| d.to_string())?;
        if std::mem::replace(&mut self.profile_created, true) {
            return Err("a second profile: an agent creates one and updates it".into());
        }
        Ok(())
    }

    pub(super) fn private_profile(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let p: PrivateProfile = decode(e.bytes)?;
        self.checked(1);
        check_private_profile(&p.contact, &p.payout_details).map_err(|d| d.to_string())
    }

    pub(super) fn contribution(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let c: Contribution = decode(e.bytes)?;
        self.checked(4);
        self.replay.rules_online += 1; // its project (and what it corrects) exist
        if c.contributor.as_slice() != e.author {
            return Err("logged for someone other than its author".into());
        }
        c.kind.check_quantities().map_err(|d| d.to_string())?;
        check_description_and_evidence(&c.description, &c.evidence).map_err(|d| d.to_string())?;
        check_date(c.when, e.timestamp).map_err(|d| d.to_string())
    }

    pub(super) fn endorsement(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let en: Endorsement = decode(e.bytes)?;
        self.checked(2);
        self.replay.rules_online += 1; // the contribution and the endorser's profile
        en.kind.check().map_err(|d| d.to_string())?;
        let latest = self
            .latest_words
            .insert(en.contribution.to_vec(), en.kind.clone());
        check_new_word(latest.as_ref(), &en.kind).map_err(|d| d.to_string())
    }

    pub(super) fn income(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let i: IncomeEvent = decode(e.bytes)?;
        self.checked(1);
        self.replay.rules_online += 1; // the project, and what set a fee
        let checked = check_income(i.amount, &i.description, &i.evidence);
        // A fee once whatever the project; an upstream share once per project it pays.
        let fee_of = match &i.source {
            IncomeSource::LicenseFee { grant } => Some((grant.to_vec(), vec![])),
            IncomeSource::UseFee { resource_use } => Some((resource_use.to_vec(), vec![])),
            IncomeSource::Upstream { distribution } => {
                Some((distribution.to_vec(), i.project.to_vec()))
            }
            _ => None,
        };
        self.incomes.insert(e.action.to_vec(), i);
        checked.map_err(|d| d.to_string())?;
        if let Some((source, project)) = fee_of {
            self.checked(1);
            if !self.fees_recorded.insert((source.clone(), project)) {
                return Err(format!(
                    "the income from {} is recorded twice",
                    text(&source)
                ));
            }
        }
        Ok(())
    }

    pub(super) fn distribution(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let d: Distribution = decode(e.bytes)?;
        self.checked(1);
        self.replay.rules_online += 1; // the recomputation from settlements on other chains
        if !self.distributed.insert(d.income.to_vec()) {
            return Err(format!("income {} is distributed twice", text(&d.income)));
        }
        let Some(income) = self.incomes.get(d.income.as_slice()) else {
            return Err(format!(
                "income {} is not on this chain: only who recorded an income distributes it",
                text(&d.income)
            ));
        };
        self.replay.rules_checked += 2;
        if income.project != d.project {
            return Err(format!("income {} is another project's", text(&d.income)));
        }
        let paid = d
            .payouts
            .iter()
            .chain(&d.upstream)
            .try_fold(d.retained, |sum, p| sum.checked_add(p.amount))
            .ok_or("the payouts overflow")?;
        self.replay.figures.push(format!(
            "distribution {}: {} payouts + {} upstream + {} retained = {paid} of income {}",
            text(e.action),
            d.payouts.len(),
            d.upstream.len(),
            d.retained,
            income.amount
        ));
        if paid != income.amount {
            return Err(format!(
                "pays out {paid} (retained included) of an income of {}",
                income.amount
            ));
        }
        Ok(())
    }

    pub(super) fn resource(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let r: Resource = decode(e.bytes)?;
        self.checked(1);
        r.rules.check().map_err(|d| d.to_string())?;
        self.resources.insert(e.action.to_vec(), r.rules);
        Ok(())
    }

    pub(super) fn resource_use(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let u: ResourceUse = decode(e.bytes)?;
        let minutes = use_minutes(u.from, u.until).map_err(|d| d.to_string())?;
        self.checked(1);
        let Some(rules) = self
            .resources
            .get(u.resource.as_slice())
            .filter(|_| u.rules_version.is_none())
        else {
            // a resource on another chain, or rules changed by a version the DHT holds
            self.replay.rules_online += 1;
            return Ok(());
        };
        self.replay.rules_checked += 1;
        let fee = rules.fee_for(minutes);
        self.replay.figures.push(format!(
            "use {}: {minutes} min at {}/h = {fee}",
            text(e.action),
            rules.fee_per_hour
        ));
        if fee != u.fee {
            return Err(format!(
                "charges {} for {minutes} minutes; the rule says {fee}",
                u.fee
            ));
        }
        Ok(())
    }

    pub(super) fn license(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let l: License = decode(e.bytes)?;
        self.checked(1);
        l.terms.check().map_err(|d| d.to_string())
    }

    pub(super) fn grant(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let g: LicenseGrant = decode(e.bytes)?;
        self.checked(2);
        self.replay.rules_online += 1; // the request, the licensor, an exception
        if !self.granted.insert(g.request.to_vec()) {
            return Err(format!("request {} is granted twice", text(&g.request)));
        }
        g.terms.check().map_err(|d| d.to_string())?;
        if g.exception.is_some() {
            return Ok(()); // what an exception decided is on its author's chain
        }
        self.checked(1);
        let due = license_fee(&g.terms, &g.category, g.usage).map_err(|d| d.to_string())?;
        self.replay.figures.push(format!(
            "grant {}: {:?} under {:?} owes {due}",
            text(e.action),
            g.category.tag(),
            g.terms.kind
        ));
        if due != g.fee {
            return Err(format!(
                "charges a {:?} {}; the license says {due}",
                g.category.tag(),
                g.fee
            ));
        }
        Ok(())
    }
}
