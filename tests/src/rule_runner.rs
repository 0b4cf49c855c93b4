//! Rules in one hop: an area's rule functions, each named by the sentence it proves, run in turn
//! on one shared world (a conductor network costs seconds; a rule a few hundred milliseconds).
//! A failing rule is named and the others still run; the driver then fails listing every rule
//! that failed. `OVN_RULE=substring` runs only the rules whose names contain it, and the rules
//! they need, in order.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll};

use crate::common::Peers;
use holochain::prelude::ActionHash;

pub type RuleFuture<'a> = Pin<Box<dyn Future<Output = ()> + 'a>>;

/// One rule function of an area whose world is `W`.
pub struct Rule<W> {
    pub name: &'static str,
    /// The earlier rule functions whose records this one uses.
    pub needs: &'static [&'static str],
    pub run: for<'a> fn(&'a W) -> RuleFuture<'a>,
}

/// `rule!(f)` or `rule!(f, needs: [g, h])`: the async function `f(&World)` as a [`Rule`].
macro_rules! rule {
    ($f:ident $(, needs: [$($need:ident),* $(,)?])?) => {
        $crate::rule_runner::Rule {
            name: stringify!($f),
            needs: &[$($(stringify!($need)),*)?],
            run: |w| Box::pin($f(w)),
        }
    };
}
pub(crate) use rule;

/// A hash one rule function records for later ones.
#[derive(Default)]
pub struct Slot(OnceLock<ActionHash>);

impl Slot {
    pub fn set(&self, hash: ActionHash) {
        assert!(self.0.set(hash).is_ok(), "a slot is recorded once");
    }

    /// The recorded hash; a rule reading it lists the rule that records it in its `needs`.
    #[track_caller]
    pub fn get(&self) -> &ActionHash {
        self.0
            .get()
            .expect("recorded by a rule this one needs, which did not run or failed")
    }
}

/// A world whose peers a driver shuts down when its rules have run.
pub trait HasPeers {
    fn into_peers(self) -> Peers;
}

/// An area's driver: builds `world` only if `OVN_RULE` selects one of `rules`, runs the
/// selected rules in turn on it, shuts its peers down, then fails naming every failed rule.
pub async fn drive<W: HasPeers>(area: &str, rules: Vec<Rule<W>>, world: impl Future<Output = W>) {
    let chosen = select(&rules);
    if chosen.is_empty() {
        eprintln!("OVN_RULE selects none of the {area} rules");
        return;
    }
    let world = Box::pin(world).await;
    let failed = run(&world, &chosen).await;
    world.into_peers().shutdown().await;
    assert!(
        failed.is_empty(),
        "{} {area} rule(s) failed: {}",
        failed.len(),
        failed.join(", ")
    );
}

/// The rules `OVN_RULE` selects (all when unset), with the rules they need, in list order.
/// Checks that every rule needs only rules listed before it.
fn select<W>(rules: &[Rule<W>]) -> Vec<&Rule<W>> {
    for (i, rule) in rules.iter().enumerate() {
        for need in rule.needs {
            assert!(
                rules[..i].iter().any(|r| r.name == *need),
                "{} needs {need}, which is not listed before it",
                rule.name
            );
        }
    }
    let filter = std::env::var("OVN_RULE").ok();
    let mut chosen: Vec<bool> = rules
        .iter()
        .map(|r| filter.as_deref().is_none_or(|f| r.name.contains(f)))
        .collect();
    for i in (0..rules.len()).rev() {
        if chosen[i] {
            for need in rules[i].needs {
                let j = rules.iter().position(|r| r.name == *need).unwrap_or(i);
                chosen[j] = true;
            }
        }
    }
    rules
        .iter()
        .zip(chosen)
        .filter(|(_, c)| *c)
        .map(|(r, _)| r)
        .collect()
}

/// Runs `rules` in turn on `world`; the names of those that panicked.
async fn run<W>(world: &W, rules: &[&Rule<W>]) -> Vec<&'static str> {
    let mut failed = Vec::new();
    for rule in rules {
        eprintln!("rule {} ...", rule.name);
        let started = std::time::Instant::now();
        let kept = CatchUnwind((rule.run)(world)).await.is_ok();
        let verdict = if kept { "ok" } else { "FAILED" };
        eprintln!("rule {} {verdict} ({:.1?})", rule.name, started.elapsed());
        if !kept {
            failed.push(rule.name);
        }
    }
    failed
}

/// A future whose panic is returned as `Err` (what `futures::FutureExt::catch_unwind` does).
struct CatchUnwind<'a>(RuleFuture<'a>);

impl Future for CatchUnwind<'_> {
    type Output = std::thread::Result<()>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match catch_unwind(AssertUnwindSafe(|| self.0.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(())) => Poll::Ready(Ok(())),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}
