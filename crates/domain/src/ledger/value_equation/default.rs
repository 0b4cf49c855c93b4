//! The network's default value equation ([`ValueEquation::default`]), the one a network falls
//! back on when neither its DNA properties nor a project name one: a single Straight bucket
//! that shares all income among counted contributions at fixed rates, every claim Equity.

use super::{
    Behaviour, Bucket, BucketKind, CiteRule, Claim, UseRule, ValuationRules, ValueEquation,
    WorkRule, FULL_SHARE_BP,
};

impl<A, R> Default for ValueEquation<A, R> {
    /// The network default when neither the DNA properties nor the project name one: all income
    /// to counted contributions, work at 25.00 an hour (in a 2-decimal currency), use of a
    /// resource at 5.00 an hour, money and materials at face value, a citation at 10 % of the
    /// other inputs, every claim Equity.
    fn default() -> Self {
        Self {
            buckets: vec![Bucket {
                name: "contributors".into(),
                share_bp: FULL_SHARE_BP,
                behaviour: Behaviour::Straight,
                kind: BucketKind::Contributions {
                    rules: ValuationRules {
                        work: Some(WorkRule {
                            default_rate: 2_500,
                            skill_rates: vec![],
                            member_rates: vec![],
                            claim: Claim::Equity,
                        }),
                        use_of_resources: Some(UseRule {
                            default_rate: 500,
                            resource_rates: vec![],
                            claim: Claim::Equity,
                        }),
                        cite: Some(CiteRule {
                            share_bp: 1_000,
                            claim: Claim::Equity,
                        }),
                        financial: Some(Claim::Equity),
                        material: Some(Claim::Equity),
                    },
                },
                window: None,
            }],
        }
    }
}
