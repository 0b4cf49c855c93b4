//! [`ValueEquation::try_map`]: the same equation with agents and resources named another way,
//! e.g. the text keys of the DNA properties turned into hashes. Only names change: shares,
//! rates, windows and claims are carried over as they are, and the first name that does not
//! convert is the error.

use super::{
    Bucket, BucketKind, MemberRate, ResourceRate, UseRule, ValuationRules, ValueEquation, WorkRule,
};

impl<A, R> ValueEquation<A, R> {
    /// The same equation with agents and resources named another way (e.g. the text keys of
    /// the DNA properties turned into hashes). Fails with the first name `agent` or `resource`
    /// cannot convert.
    pub fn try_map<B, S, E>(
        self,
        agent: impl Fn(A) -> Result<B, E>,
        resource: impl Fn(R) -> Result<S, E>,
    ) -> Result<ValueEquation<B, S>, E> {
        let mut buckets = Vec::with_capacity(self.buckets.len());
        for b in self.buckets {
            let kind = match b.kind {
                BucketKind::FixedShare { agent: a } => BucketKind::FixedShare { agent: agent(a)? },
                BucketKind::Contributions { rules } => BucketKind::Contributions {
                    rules: rules.try_map(&agent, &resource)?,
                },
            };
            buckets.push(Bucket {
                name: b.name,
                share_bp: b.share_bp,
                behaviour: b.behaviour,
                kind,
                window: b.window,
            });
        }
        Ok(ValueEquation { buckets })
    }
}

impl<A, R> ValuationRules<A, R> {
    fn try_map<B, S, E>(
        self,
        agent: &impl Fn(A) -> Result<B, E>,
        resource: &impl Fn(R) -> Result<S, E>,
    ) -> Result<ValuationRules<B, S>, E> {
        Ok(ValuationRules {
            work: self.work.map(|w| w.try_map(agent)).transpose()?,
            use_of_resources: self
                .use_of_resources
                .map(|u| u.try_map(resource))
                .transpose()?,
            cite: self.cite,
            financial: self.financial,
            material: self.material,
        })
    }
}

impl<A> WorkRule<A> {
    fn try_map<B, E>(self, agent: &impl Fn(A) -> Result<B, E>) -> Result<WorkRule<B>, E> {
        let member_rates = self
            .member_rates
            .into_iter()
            .map(|m| {
                Ok(MemberRate {
                    member: agent(m.member)?,
                    skill: m.skill,
                    rate: m.rate,
                })
            })
            .collect::<Result<_, E>>()?;
        Ok(WorkRule {
            default_rate: self.default_rate,
            skill_rates: self.skill_rates,
            member_rates,
            claim: self.claim,
        })
    }
}

impl<R> UseRule<R> {
    fn try_map<S, E>(self, resource: &impl Fn(R) -> Result<S, E>) -> Result<UseRule<S>, E> {
        let resource_rates = self
            .resource_rates
            .into_iter()
            .map(|r| {
                Ok(ResourceRate {
                    resource: resource(r.resource)?,
                    rate: r.rate,
                })
            })
            .collect::<Result<_, E>>()?;
        Ok(UseRule {
            default_rate: self.default_rate,
            resource_rates,
            claim: self.claim,
        })
    }
}
