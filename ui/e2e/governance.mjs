// Governance in the browser: alice proposes a motion to her project and votes for it; carol
// sees it with the same count and delegates to alice; the count every validator makes is shown
// as a chart, with carol's delegation counted where she may vote; and the project's reputations
// over time, as a chart. (Her equation was proposed,
// decided and carried out before: commons.mjs equationSteps.)

import { check, flat, log, pollUntil, screenshot, waitForOrBanner } from "./lib.mjs";

export async function governanceSteps(alice, carol, aliceKey, projectName, suffix) {
  const title = `Meet on Thursdays (e2e ${suffix})`;
  await alice.getByTestId("nav-governance").click();
  await alice.getByTestId("governance-project").selectOption({ label: projectName });
  await waitForOrBanner(alice, alice.getByTestId("propose"), "alice's proposal form");
  await alice.getByTestId("proposal-open").click();
  // The zome refuses an untitled proposal by name; the banner shows it.
  const banner = alice.getByTestId("error-banner");
  await banner.waitFor({ timeout: 60_000 });
  const message = (await banner.getByTestId("error-message").innerText()).trim();
  check(message.includes("title"), `an untitled proposal was refused without naming the title: "${message}"`);
  await banner.getByRole("button", { name: "Dismiss the error" }).click();

  await alice.getByTestId("proposal-title").fill(title);
  await alice.getByTestId("proposal-text").fill("Weekly, at the lab.");
  await alice.getByTestId("proposal-open").click();
  await waitForOrBanner(alice, alice.getByTestId("proposal-notice"), "alice's proposal opened");
  const card = alice.getByTestId("proposal").filter({ hasText: title });
  await waitForOrBanner(alice, card.getByTestId("proposal-rule"), "alice's proposal and its count");
  const rule = await flat(card.getByTestId("proposal-rule"));
  check(rule.includes("members whose work the project settled"), `the proposal's rule reads "${rule}"`);
  await card.getByTestId("vote-yes").click();
  await pollUntil(alice, "alice's vote counted", card.getByTestId("proposal-refresh"), async () => (await flat(card.getByTestId("proposal-count"))).startsWith("1 vote(s)"));
  log(`alice proposed and voted: ${await flat(card.getByTestId("proposal-count"))}`);

  await carol.getByTestId("nav-governance").click();
  await carol.getByTestId("governance-project").selectOption({ label: projectName });
  const carols = carol.getByTestId("proposal").filter({ hasText: title });
  await pollUntil(carol, "alice's proposal on carol's page", "refresh-governance", async () => (await carols.count()) > 0);
  // The count as carol's node makes it: alice's vote, whether or not carol may vote.
  await pollUntil(carol, "alice's vote in carol's count", carols.getByTestId("proposal-refresh"), async () => (await flat(carols.getByTestId("proposal-count"))).startsWith("1 vote(s)"));
  await carol.getByTestId("delegate-key").fill(aliceKey);
  await carol.getByTestId("delegate").click();
  await waitForOrBanner(carol, carol.getByTestId("my-delegate"), "carol's delegation");
  const delegateText = await flat(carol.getByTestId("my-delegate"));
  check(delegateText.includes("alice"), `carol's delegation reads "${delegateText}"`);
  await screenshot(carol, "carol-delegated");

  // alice's count names carol's delegation where carol is in the electorate, and only there.
  const carolKey = await carol.getByTestId("my-agent-key-short").getAttribute("title");
  const mayVote = (await card.locator(`details .agent[title="${carolKey}"]`).count()) > 0;
  const expected = `1 vote(s), ${mayVote ? 1 : 0} delegation(s) counted`;
  await alice.bringToFront();
  await pollUntil(alice, `alice's count: ${expected}`, card.getByTestId("proposal-refresh"), async () => (await flat(card.getByTestId("proposal-count"))).startsWith(expected));
  const outcome = await flat(card.getByTestId("proposal-outcome"));
  check(outcome.startsWith("so far it"), `the open proposal's outcome reads "${outcome}"`);
  await screenshot(alice, "alice-proposal");
  log(`carol (${mayVote ? "in" : "not in"} the electorate) delegated to alice: ${await flat(card.getByTestId("proposal-count"))}`);

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
