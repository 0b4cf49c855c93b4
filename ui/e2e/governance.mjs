// Governance in the browser, the issue's three members: carol, whose work the last distribution
// settled, lets alice vote for her in the project (a delegation); alice proposes version 2 of
// the project's equation and votes for it, and both see the same count, carol's delegation in
// it, shown as a chart; once it closes bob publishes the decision (alice's vote and carol's
// delegation), alice carries it out, and the next distribution pays bob's maintenance share
// under version 2; meanwhile alice proposes carol as a second steward and paid use of the
// kit design, bob decides both, carol carries out the first (the project lists her) and alice
// the second (the kit shows its new rules); alice proposes too that the project's motions pass
// by consent, bob decides it, alice carries it out, and the project's governance rules read
// version 2, changed by a decision; and the project's reputations over time, as a chart.
// (Version 1 was proposed, decided and carried out before: commons.mjs equationSteps.)

import { chartBars, check, flat, localInputIn, log, pollUntil, screenshot, waitForOrBanner } from "./lib.mjs";
import { eur, saleDistributed } from "./money.mjs";

// Version 2 moves bob's fixed maintenance share from 10 % to 20 % of the income: of the next
// sale's 10.00 EUR, bob's bar reads 2.00 EUR whatever the contributors' shares.
const FOURTH_INCOME_MINOR = 1000;
const MAINTENANCE_PERCENT = 20;

export async function governanceSteps(alice, bob, carol, aliceKey, projectName, suffix) {
  const title = `Version 2 of the equation (e2e ${suffix})`;
  await alice.bringToFront();
  await alice.getByTestId("nav-governance").click();
  await alice.getByTestId("governance-project").selectOption({ label: projectName });
  await waitForOrBanner(alice, alice.getByTestId("propose"), "alice's proposal form");
  // The project decides under the network's governance rules (governance.yaml: proposals open
  // from 30 s, motions by a majority with a 10 % quorum) until it changes its own.
  const governanceCard = alice.getByTestId("governance-rules-card");
  const governanceNow = governanceCard.getByTestId("governance-rules-now");
  await waitForOrBanner(alice, governanceNow, "the project's governance rules in force");
  const governanceOne = await flat(governanceNow);
  check(governanceOne.startsWith("Version 1: the network's rules.") && governanceOne.includes("from 30 s to 60 day(s)"), `the governance rules read "${governanceOne}"`);
  const motionsOne = await flat(governanceCard.getByTestId("governance-rule-motion"));
  check(motionsOne === "a motion contributors, majority above 50 % with a 10 % quorum, one member one vote", `the network's rule for motions reads "${motionsOne}"`);
  await alice.getByTestId("proposal-open").click();
  // The zome refuses an untitled proposal by name; the banner shows it.
  const banner = alice.getByTestId("error-banner");
  await banner.waitFor({ timeout: 60_000 });
  const message = (await banner.getByTestId("error-message").innerText()).trim();
  check(message.includes("title"), `an untitled proposal was refused without naming the title: "${message}"`);
  await banner.getByRole("button", { name: "Dismiss the error" }).click();

  // Carol, whose work the last distribution settled, lets alice vote for her in this project
  // before anything is proposed: a delegation holds for every proposal until she replaces it.
  await carol.bringToFront();
  await carol.getByTestId("nav-governance").click();
  await carol.getByTestId("governance-project").selectOption({ label: projectName });
  await waitForOrBanner(carol, carol.getByTestId("delegate-key"), "carol's delegation form");
  await carol.getByTestId("delegate-key").fill(aliceKey);
  await carol.getByTestId("delegate").click();
  await waitForOrBanner(carol, carol.getByTestId("my-delegate"), "carol's delegation");
  const delegateText = await flat(carol.getByTestId("my-delegate"));
  check(delegateText.includes("alice"), `carol's delegation reads "${delegateText}"`);
  await screenshot(carol, "carol-delegated");

  await alice.bringToFront();
  await alice.getByTestId("proposal-title").fill(title);
  await alice.getByTestId("proposal-text").fill("Maintenance costs more than we thought.");
  await alice.getByTestId("proposal-kind").selectOption("Equation");
  const buckets = alice.getByTestId("equation-bucket");
  await waitForOrBanner(alice, buckets.nth(1), "the form starting from version 1");
  check((await buckets.nth(1).getByTestId("bucket-name").inputValue()) === "maintenance", "the form does not start from version 1");
  await buckets.nth(0).getByTestId("bucket-share").fill(String(100 - MAINTENANCE_PERCENT));
  await buckets.nth(1).getByTestId("bucket-share").fill(String(MAINTENANCE_PERCENT));
  await alice.getByTestId("proposal-closes").fill(await localInputIn(alice, 60));
  await alice.getByTestId("proposal-open").click();
  await waitForOrBanner(alice, alice.getByTestId("proposal-notice"), "alice's proposal opened");
  const card = alice.getByTestId("proposal").filter({ hasText: title });
  const cardRefresh = card.getByTestId("proposal-refresh");
  await waitForOrBanner(alice, card.getByTestId("proposal-rule"), "alice's proposal and its count");
  const rule = await flat(card.getByTestId("proposal-rule"));
  check(rule.includes("members whose work the project settled"), `the proposal's rule reads "${rule}"`);
  await card.getByTestId("vote-yes").click();
  // alice's count names carol's delegation: the whole electorate took part.
  const expected = "1 vote(s), 1 delegation(s) counted; participation 100";
  await pollUntil(alice, `alice's count: ${expected}`, cardRefresh, async () => (await flat(card.getByTestId("proposal-count"))).startsWith(expected));
  const outcome = await flat(card.getByTestId("proposal-outcome"));
  check(outcome.startsWith("so far it passes"), `the open proposal's outcome reads "${outcome}"`);
  await screenshot(alice, "alice-proposal");
  log(`alice proposed version 2 and voted; carol's delegation counted: ${await flat(card.getByTestId("proposal-count"))}`);

  // The count as carol's node makes it: the same, carol among those who may vote.
  await carol.bringToFront();
  const carols = carol.getByTestId("proposal").filter({ hasText: title });
  await pollUntil(carol, "alice's proposal on carol's page", "refresh-governance", async () => (await carols.count()) > 0);
  await pollUntil(carol, "alice's vote and carol's delegation in carol's count", carols.getByTestId("proposal-refresh"), async () => (await flat(carols.getByTestId("proposal-count"))).startsWith(expected));
  const carolKey = await carol.getByTestId("my-agent-key-short").getAttribute("title");
  check((await carols.locator(`details .agent[title="${carolKey}"]`).count()) === 1, "carol, whose work the last distribution settled, is not in the electorate");

  // Closed: bob publishes the decision, which names carol's delegation; alice carries it out.
  await bob.bringToFront();
  await bob.getByTestId("nav-governance").click();
  await bob.getByTestId("governance-project").selectOption({ label: projectName });
  const bobs = bob.getByTestId("proposal").filter({ hasText: title });
  await pollUntil(bob, "alice's proposal on bob's page", "refresh-governance", async () => (await bobs.count()) > 0);
  // Bob decides once it closed and his node holds carol's delegation: a decision leaving it out
  // would be valid, and nobody honest would carry it out (check_stands).
  const decidable = async () => (await bobs.getByTestId("decide").count()) > 0 && (await flat(bobs.getByTestId("proposal-count"))).startsWith("1 vote(s), 1 delegation(s)");
  await pollUntil(bob, "version 2's proposal closed, with carol's delegation, for bob", bobs.getByTestId("proposal-refresh"), decidable);
  await bobs.getByTestId("decide").click();
  await waitForOrBanner(bob, bobs.getByTestId("decision"), "bob's decision on version 2");
  await alice.bringToFront();
  await pollUntil(alice, "bob's decision on alice's page", cardRefresh, async () => (await card.getByTestId("adopt-decided").count()) > 0);
  const decision = await flat(card.getByTestId("decision"));
  check(decision.startsWith("Stands:") && decision.includes("passes (1 vote(s), 1 delegation(s) counted)"), `the decision reads "${decision}"`);
  await card.getByTestId("adopt-decided").click();
  await waitForOrBanner(alice, card.getByTestId("equation-carried-out"), "version 2 carried out");
  log(`version 2 passed by alice's vote and carol's delegation, decided by bob, carried out by alice: ${decision}`);

  // While the next sale is distributed, the project's stewards are put to the vote: alice
  // proposes carol as a second steward, from the version in force (alice alone), and votes.
  const stewardsTitle = `Carol stewards too (e2e ${suffix})`;
  await alice.getByTestId("proposal-title").fill(stewardsTitle);
  await alice.getByTestId("proposal-kind").selectOption("Project");
  await waitForOrBanner(alice, alice.getByTestId("project-version"), "the change form from the version in force");
  const versionText = await flat(alice.getByTestId("project-version"));
  check(versionText.startsWith("Version 1 of") && versionText.includes("1 steward(s)"), `the change form reads "${versionText}"`);
  const stewardsField = alice.getByTestId("change-stewards");
  check((await stewardsField.inputValue()).trim() === aliceKey, `the stewards field starts as "${await stewardsField.inputValue()}"`);
  await stewardsField.fill(`${aliceKey}\n${carolKey}`);
  await alice.getByTestId("proposal-closes").fill(await localInputIn(alice, 45));
  await alice.getByTestId("proposal-open").click();
  await waitForOrBanner(alice, alice.getByTestId("proposal-notice"), "alice's change of the project opened");
  const change = alice.getByTestId("proposal").filter({ hasText: stewardsTitle });
  await waitForOrBanner(alice, change.getByTestId("vote-yes"), "the change's card");
  check((await flat(change)).includes("Changes the project: 2 steward(s)"), `the change's card reads "${await flat(change)}"`);
  await change.getByTestId("vote-yes").click();
  await pollUntil(alice, "alice's vote on the change", change.getByTestId("proposal-refresh"), async () => (await flat(change.getByTestId("proposal-count"))).startsWith(expected));

  // In the same window alice proposes paid use of the project's kit design (3.00 an hour), from
  // its usage rules as registered, and votes.
  const kit = `Spectrometer kit design ${suffix}`;
  const rulesTitle = `Paid use of the kit design (e2e ${suffix})`;
  await alice.getByTestId("proposal-title").fill(rulesTitle);
  await alice.getByTestId("proposal-kind").selectOption("UsageRules");
  await waitForOrBanner(alice, alice.getByTestId("rules-resource"), "the usage-rules form");
  await alice.getByTestId("rules-resource").selectOption({ label: kit });
  await waitForOrBanner(alice, alice.getByTestId("rules-version"), "the kit's usage rules in force");
  const rulesVersion = await flat(alice.getByTestId("rules-version"));
  check(rulesVersion.startsWith("Version 1 of its usage rules is in force"), `the usage-rules form reads "${rulesVersion}"`);
  await alice.getByTestId("proposal-rules-fee").fill("3.00");
  await alice.getByTestId("proposal-closes").fill(await localInputIn(alice, 45));
  await alice.getByTestId("proposal-open").click();
  await waitForOrBanner(alice, alice.getByTestId("proposal-notice").filter({ hasText: rulesTitle }), "alice's change of the kit's rules opened");
  const rulesChange = alice.getByTestId("proposal").filter({ hasText: rulesTitle });
  await waitForOrBanner(alice, rulesChange.getByTestId("vote-yes"), "the rules change's card");
  check((await flat(rulesChange)).includes("3.00 EUR per hour"), `the rules change's card reads "${await flat(rulesChange)}"`);
  await rulesChange.getByTestId("vote-yes").click();
  await pollUntil(alice, "alice's vote on the rules change", rulesChange.getByTestId("proposal-refresh"), async () => (await flat(rulesChange.getByTestId("proposal-count"))).startsWith(expected));

  // In the same window alice proposes too that the project's motions pass by consent, with the
  // network's quorum for them (10 %), from the network's rules in force, and votes: the
  // project's contributors decide it, as they do the kit's rules.
  const governanceTitle = `Motions by consent (e2e ${suffix})`;
  await alice.getByTestId("proposal-title").fill(governanceTitle);
  await alice.getByTestId("proposal-kind").selectOption("Rules");
  await waitForOrBanner(alice, alice.getByTestId("governance-rules-version"), "the governance-rules form");
  const governanceVersion = await flat(alice.getByTestId("governance-rules-version"));
  check(governanceVersion.startsWith("Version 1 of its governance rules is in force"), `the governance-rules form reads "${governanceVersion}"`);
  await alice.getByTestId("proposal-governance-motion-method").selectOption("Consent");
  await alice.getByTestId("proposal-governance-motion-quorum").fill("10");
  await alice.getByTestId("proposal-closes").fill(await localInputIn(alice, 45));
  await alice.getByTestId("proposal-open").click();
  await waitForOrBanner(alice, alice.getByTestId("proposal-notice").filter({ hasText: governanceTitle }), "alice's change of the governance rules opened");
  const governanceChange = alice.getByTestId("proposal").filter({ hasText: governanceTitle });
  await waitForOrBanner(alice, governanceChange.getByTestId("vote-yes"), "the governance rules change's card");
  const motionsByConsent = "a motion is decided by contributors, consent with a 10 % quorum, one member one vote";
  check((await flat(governanceChange)).includes(motionsByConsent), `the governance rules change's card reads "${await flat(governanceChange)}"`);
  await governanceChange.getByTestId("vote-yes").click();
  await pollUntil(alice, "alice's vote on the governance rules change", governanceChange.getByTestId("proposal-refresh"), async () => (await flat(governanceChange.getByTestId("proposal-count"))).startsWith(expected));

  // The next distribution follows version 2.
  await alice.getByTestId("nav-ledger").click();
  await alice.getByTestId("ledger-project").selectOption({ label: projectName });
  await waitForOrBanner(alice, alice.getByTestId("equation").getByText("Version 2, adopted by decision"), "alice's version 2 in force");
  const sale = `Sale of a fourth kit (e2e ${suffix})`;
  const distribution = await saleDistributed(alice, FOURTH_INCOME_MINOR, sale, "alice's version 2");
  const bars = await chartBars(distribution.getByTestId("share-chart"));
  const bobsBar = bars.find((b) => b.label === "bob");
  const share = `${eur((FOURTH_INCOME_MINOR * MAINTENANCE_PERCENT) / 100)} · ${MAINTENANCE_PERCENT.toFixed(1)} %`;
  check(bobsBar?.text === share, `bob's bar under version 2 reads "${bobsBar?.text}", not "${share}": ${JSON.stringify(bars)}`);
  log(`alice's distribution under version 2: ${bars.map((b) => `${b.label}: ${b.text}`).join("; ")}`);
  await screenshot(alice, "alice-version-2");

  // Closed: bob publishes the change's decision, carol (any member) carries it out, and the
  // project lists her as a steward in its version 2.
  await bob.bringToFront();
  const bobsChange = bob.getByTestId("proposal").filter({ hasText: stewardsTitle });
  await pollUntil(bob, "the change on bob's page", "refresh-governance", async () => (await bobsChange.count()) > 0);
  const changeDecidable = async () => (await bobsChange.getByTestId("decide").count()) > 0 && (await flat(bobsChange.getByTestId("proposal-count"))).startsWith(expected);
  await pollUntil(bob, "the change closed, with carol's delegation, for bob", bobsChange.getByTestId("proposal-refresh"), changeDecidable);
  await bobsChange.getByTestId("decide").click();
  await waitForOrBanner(bob, bobsChange.getByTestId("decision"), "bob's decision on the change");
  await carol.bringToFront();
  const carolsChange = carol.getByTestId("proposal").filter({ hasText: stewardsTitle });
  await pollUntil(carol, "the change on carol's page", "refresh-governance", async () => (await carolsChange.count()) > 0);
  await pollUntil(carol, "bob's decision on carol's page", carolsChange.getByTestId("proposal-refresh"), async () => (await carolsChange.getByTestId("adopt-decided").count()) > 0);
  await carolsChange.getByTestId("adopt-decided").click();
  await waitForOrBanner(carol, carolsChange.getByTestId("project-carried-out"), "the change carried out by carol");
  await carol.getByTestId("nav-projects").click();
  const changedRow = carol.getByTestId("project-row").filter({ hasText: projectName });
  const versionTwo = async () => (await flat(changedRow.getByTestId("project-version-number"))) === "2";
  await pollUntil(carol, "the project's version 2 on carol's page", "refresh-projects", versionTwo);
  const stewardsNow = await flat(changedRow.getByTestId("project-stewards"));
  check(stewardsNow.includes("alice") && stewardsNow.includes("carol (you)"), `the project's stewards read "${stewardsNow}"`);
  const byDecision = await flat(carol.getByTestId("change-by-decision"));
  check(byDecision.includes("only by a decision"), `the projects view's change card reads "${byDecision}"`);
  await screenshot(carol, "carol-steward");
  log(`the project changed by decision, carried out by carol: stewards ${stewardsNow}`);

  // The kit's new rules and the project's motions by consent: bob publishes both decisions,
  // alice carries them out, the kit's page shows version 2 of its usage rules and the project's
  // governance rules read version 2, both changed by a decision.
  await bob.bringToFront();
  const bobsRules = bob.getByTestId("proposal").filter({ hasText: rulesTitle });
  await pollUntil(bob, "the rules change on bob's page", "refresh-governance", async () => (await bobsRules.count()) > 0);
  const rulesDecidable = async () => (await bobsRules.getByTestId("decide").count()) > 0 && (await flat(bobsRules.getByTestId("proposal-count"))).startsWith(expected);
  await pollUntil(bob, "the rules change closed, for bob", bobsRules.getByTestId("proposal-refresh"), rulesDecidable);
  await bobsRules.getByTestId("decide").click();
  await waitForOrBanner(bob, bobsRules.getByTestId("decision"), "bob's decision on the rules change");
  const bobsGovernance = bob.getByTestId("proposal").filter({ hasText: governanceTitle });
  await pollUntil(bob, "the governance rules change on bob's page", "refresh-governance", async () => (await bobsGovernance.count()) > 0);
  const governanceDecidable = async () => (await bobsGovernance.getByTestId("decide").count()) > 0 && (await flat(bobsGovernance.getByTestId("proposal-count"))).startsWith(expected);
  await pollUntil(bob, "the governance rules change closed, for bob", bobsGovernance.getByTestId("proposal-refresh"), governanceDecidable);
  await bobsGovernance.getByTestId("decide").click();
  await waitForOrBanner(bob, bobsGovernance.getByTestId("decision"), "bob's decision on the governance rules change");
  await alice.bringToFront();
  await alice.getByTestId("nav-governance").click();
  await alice.getByTestId("governance-project").selectOption({ label: projectName });
  await pollUntil(alice, "the rules change on alice's page", "refresh-governance", async () => (await rulesChange.count()) > 0);
  await pollUntil(alice, "bob's decision on the rules change, on alice's page", rulesChange.getByTestId("proposal-refresh"), async () => (await rulesChange.getByTestId("adopt-decided").count()) > 0);
  await rulesChange.getByTestId("adopt-decided").click();
  await waitForOrBanner(alice, rulesChange.getByTestId("usage-rules-carried-out"), "the rules change carried out by alice");
  await pollUntil(alice, "bob's decision on the governance rules change, on alice's page", governanceChange.getByTestId("proposal-refresh"), async () => (await governanceChange.getByTestId("carry-out-governance-rules").count()) > 0);
  await governanceChange.getByTestId("carry-out-governance-rules").click();
  await waitForOrBanner(alice, governanceChange.getByTestId("governance-rules-carried-out"), "the governance rules change carried out by alice");
  const governanceCarried = await flat(governanceChange.getByTestId("governance-rules-carried-out"));
  check(governanceCarried === "Carried out: they are version 2 of the project's governance rules, in force.", `the governance rules change's card reads "${governanceCarried}"`);
  const governanceTwo = async () => (await flat(governanceNow)).startsWith("Version 2, changed by a decision.");
  await pollUntil(alice, "version 2 of the project's governance rules on alice's page", "refresh-governance-rules", governanceTwo);
  const motionsTwo = await flat(governanceCard.getByTestId("governance-rule-motion"));
  check(motionsTwo === "a motion contributors, consent with a 10 % quorum, one member one vote", `the project's rule for motions reads "${motionsTwo}"`);
  await screenshot(alice, "alice-governance-rules");
  log(`the project's governance rules changed by decision: ${await flat(governanceNow)}; ${motionsTwo}`);
  await alice.getByTestId("nav-resources").click();
  const kitRow = alice.getByTestId("resource-row").filter({ hasText: kit });
  await pollUntil(alice, "the kit among alice's resources", "refresh-resources", async () => (await kitRow.count()) > 0);
  await kitRow.getByRole("button", { name: kit }).click();
  const rulesNow = alice.getByTestId("usage-rules-now");
  await waitForOrBanner(alice, rulesNow, "the kit's usage rules in force");
  const rulesText = await flat(rulesNow);
  check(rulesText.includes("3.00 EUR per hour") && rulesText.includes("Version 2, changed by a decision"), `the kit's usage rules read "${rulesText}"`);
  await screenshot(alice, "alice-kit-rules");
  log(`the kit's usage rules changed by decision: ${rulesText}`);

  // Version 1's card says it was carried out and replaced, not that it can no longer be.
  await alice.getByTestId("nav-governance").click();
  await alice.getByTestId("governance-project").selectOption({ label: projectName });
  const first = alice.getByTestId("proposal").filter({ hasText: `Version 1 of the equation (e2e ${suffix})` });
  await waitForOrBanner(alice, first.getByTestId("equation-replaced"), "version 1's card");
  const replaced = await flat(first.getByTestId("equation-replaced"));
  check(replaced === "Carried out as version 1 of the project's equation; version 2 is in force now.", `version 1's card reads "${replaced}"`);
  // Reputation over time: the settled work of the distributions so far, alice's among it.
  const reputation = alice.getByTestId("reputation");
  const lines = reputation.getByTestId("line-chart-series");
  // Nicknames arrive after the lines: alice's name, with her reputation now, in the legend.
  const named = async () => (await lines.count()) > 0 && /alice: [\d,.\s]+ now/.test(await flat(reputation));
  await pollUntil(alice, "the reputation chart naming alice", "refresh-reputation", named);
  const legend = await flat(reputation);
  await screenshot(alice, "alice-reputation");
  log(`reputation over time: ${legend}`);
}
