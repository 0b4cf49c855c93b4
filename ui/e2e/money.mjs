// The money steps of the browser test: alice's income, its preview, distribution and
// explanation under the network's default equation; then a citation's share paid upstream.

import {
  ACTION_MS,
  REPLICATION_MS,
  chartBars,
  check,
  checkWholeChart,
  flat,
  log,
  pollUntil,
  screenshot,
  waitEnabled,
  waitForOrBanner,
} from "./lib.mjs";

// What alice's income must pay, derived from the DNA and the domain code, not read off the page:
// the network's default equation (dnas/ovn/dna.yaml) has one bucket, "contributors", taking
// 10000 bp (100 %) of the income (Straight), valuing work at 2500 minor units (25.00 EUR) an
// hour with an Equity claim. Her 2 h 30 min is worth 2500 × 150 / 60 = 6250 (62.50 EUR,
// ovn_domain value_of/per_hour). It is the project's only counted contribution, so it takes the
// whole pot (ovn_domain::distribute: shares in proportion to value): 10000 of an income of
// 10000, nothing retained. Amounts read as `money()` writes them (en locale, 2 decimals, EUR).
export const INCOME_MINOR = 10000;
export const WORK_RATE_MINOR = 2500;
export const WORK_MINUTES = 150;
export const WORK_VALUE_MINOR = Math.floor((WORK_RATE_MINOR * WORK_MINUTES) / 60);
export const eur = (minor) => `${(minor / 100).toFixed(2)} EUR`;

/** Alice records an income, previews it, distributes it and has her payout explained. */
export async function ledgerSteps(alice, projectName, description, suffix) {
  const saleDescription = `Sale of a spectrometer kit (e2e ${suffix})`;
  const income = eur(INCOME_MINOR);
  const value = eur(WORK_VALUE_MINOR);
  check(income === "100.00 EUR" && value === "62.50 EUR", `the expected figures are wrong: ${income}, ${value}`);

  await alice.getByTestId("nav-ledger").click();
  await alice.getByTestId("ledger-project").selectOption({ label: projectName });
  const equation = alice.getByTestId("equation");
  await waitForOrBanner(alice, equation, "the value equation in alice's ledger");
  const equationText = await flat(equation);
  for (const expected of [
    "The network's default (the project has adopted none).",
    "contributors: 100 % of the income",
    `work: ${eur(WORK_RATE_MINOR)} per hour (Equity)`,
  ]) {
    check(equationText.includes(expected), `the equation card does not say "${expected}": ${equationText}`);
  }
  check((await alice.getByTestId("no-income").innerText()).trim() === "No income recorded yet.", "the project already shows income");

  // Client-side validation first: a description is required.
  await alice.getByTestId("income-amount").fill("100.00");
  await alice.getByTestId("income-source").selectOption("Sale");
  await alice.getByTestId("income-submit").click();
  const formError = (await alice.getByTestId("form-error").innerText()).trim();
  check(formError === "Description must not be empty.", `an income without description was not refused by name (got "${formError}")`);
  await alice.getByTestId("income-description").fill(saleDescription);
  await alice.getByTestId("income-submit").click();
  await waitForOrBanner(alice, alice.getByTestId("income-recorded"), "alice's income recorded");
  const recorded = (await alice.getByTestId("income-recorded").innerText()).trim();
  check(recorded === `${income} recorded.`, `the form says "${recorded}"`);
  const incomeRow = alice.getByTestId("income-row").filter({ hasText: saleDescription });
  await pollUntil(alice, "alice's income in her ledger", "refresh-ledger", async () => (await incomeRow.count()) > 0);
  const incomeText = await flat(incomeRow);
  for (const expected of [income, "Sale", "alice (you)"]) {
    check(incomeText.includes(expected), `the income row does not show "${expected}": ${incomeText}`);
  }
  check(!incomeText.includes("Invalid Date"), `the income row shows an invalid date: ${incomeText}`);
  log(`alice recorded ${income}: ${incomeText}`);
  await screenshot(alice, "alice-income");

  // Preview: nothing written, alice takes everything.
  await incomeRow.getByTestId("preview-button").click();
  const preview = alice.getByTestId("preview");
  await waitForOrBanner(alice, preview, "the preview of alice's distribution");
  const previewText = await flat(preview);
  for (const expected of [
    `Preview: ${income} (${saleDescription})`,
    "Nothing is written. 1 counted contribution up to",
    "under the network's default equation; 1 new settlement page, 0 reused.",
    `Retained by the holder of the funds: ${eur(0)}`,
  ]) {
    check(previewText.includes(expected), `the preview does not say "${expected}": ${previewText}`);
  }
  check(!previewText.includes("Invalid Date"), `the preview shows an invalid date: ${previewText}`);
  await checkWholeChart(preview.getByTestId("share-chart"), "the preview's chart", "alice", income);
  log(`alice's preview: ${previewText}`);
  await screenshot(alice, "alice-preview");

  // Distribute, then the distribution is listed (the DHT's links may take a moment).
  await incomeRow.getByTestId("distribute-button").click();
  // The preview goes once the Distribution is committed (its settlement page first).
  await waitForOrBanner(alice, preview, "alice's distribution committed", ACTION_MS, "detached");
  const distribution = alice.getByTestId("distribution").filter({ hasText: saleDescription });
  await waitEnabled(alice.getByTestId("refresh-ledger"));
  await pollUntil(alice, "alice's distribution listed", "refresh-ledger", async () => (await distribution.count()) > 0);
  check((await preview.count()) === 0, "the preview still shows after the distribution");
  check((await alice.getByTestId("distribution").count()) === 1, "the project lists more than one distribution");
  const distributionText = await flat(distribution);
  for (const expected of [
    `${income}: ${saleDescription}`,
    "Distributed by alice (you); contributions up to",
    "1 settlement page.",
    `Retained: ${eur(0)}. Receipts confirmed: 0 of 1.`,
  ]) {
    check(distributionText.includes(expected), `the distribution does not say "${expected}": ${distributionText}`);
  }
  check(!distributionText.includes("Invalid Date"), `the distribution shows an invalid date: ${distributionText}`);
  await checkWholeChart(distribution.getByTestId("share-chart"), "the distribution's chart", "alice", income);
  const incomeDone = await flat(incomeRow);
  check(incomeDone.includes("distributed"), `the income row does not say it was distributed: ${incomeDone}`);
  check((await incomeRow.getByTestId("distribute-button").count()) === 0, "the distributed income can still be distributed");
  log(`alice's distribution: ${distributionText}`);
  await screenshot(alice, "alice-distributed");

  // Explain my payout: her work contribution, its value, the whole income.
  const explainButton = distribution.getByTestId("explain-button");
  const explainLabel = (await explainButton.innerText()).trim();
  check(explainLabel === `Explain my payout (${income})`, `the explain button reads "${explainLabel}"`);
  await explainButton.click();
  const explanation = alice.getByTestId("explanation");
  await waitForOrBanner(alice, explanation, "the explanation of alice's payout");
  const heading = await flat(explanation.locator("h3"));
  check(heading === `Your payout: ${income}`, `the explanation is headed "${heading}"`);
  const lines = await explanation.getByTestId("explanation-line").evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent.replace(/\s+/g, " ").trim())),
  );
  const expectedLine = ["contributors", `Work: 2 h 30 min (electronics): ${description}`, value, "Equity", income];
  check(
    lines.length === 1 && JSON.stringify(lines[0]) === JSON.stringify(expectedLine),
    `the explanation lines are ${JSON.stringify(lines)}, not [${JSON.stringify(expectedLine)}]`,
  );
  log(`alice's payout explained: ${lines[0].join(" | ")}`);
  await screenshot(alice, "alice-explained");
}

// A citation's share: of a second income of 10.00 EUR, alice's work (62.50) and her citation of
// the design bob's project made, valued at 10 % of the other inputs (cite share_bp 1000 in
// dnas/ovn/dna.yaml: 6.25), share 1000 minor units by value: alice 1000 × 6250 / 6875 = 909
// (remainder 625), the cited project 90 (remainder 6250), and the cent left goes to the larger
// remainder: 909 and 91 (ovn_domain::distribute).
const SECOND_INCOME_MINOR = 1000;
const CITE_VALUE_MINOR = Math.floor(WORK_VALUE_MINOR / 10);
const UPSTREAM_MINOR = 91;

/**
 * Bob starts a project and registers its design; alice cites it in her project, bob confirms;
 * alice's next distribution pays bob's project its share upstream, which bob, its first
 * steward, records as that project's income from the distribution. Returns that project's name.
 */
export async function upstreamSteps(alice, bob, projectName, suffix) {
  const optics = `Open Optics ${suffix}`;
  const design = `Optics design ${suffix}`;
  check(CITE_VALUE_MINOR === 625 && eur(UPSTREAM_MINOR) === "0.91 EUR", "the expected upstream figures are wrong");
  await bob.bringToFront();
  await bob.getByTestId("nav-projects").click();
  await bob.getByTestId("project-name").fill(optics);
  await bob.getByTestId("project-purpose").fill("Open optics for spectrometers");
  await bob.getByTestId("project-submit").click();
  await waitForOrBanner(bob, bob.getByTestId("project-created"), "bob's project created");
  await bob.getByTestId("nav-resources").click();
  await bob.getByTestId("resource-name").fill(design);
  await bob.getByTestId("resource-regime").selectOption("Commons");
  await bob.getByTestId("resource-project").selectOption({ label: optics });
  await bob.getByTestId("resource-submit").click();
  await waitForOrBanner(bob, bob.getByTestId("resource-row").filter({ hasText: design }), "bob's design listed");

  await alice.bringToFront();
  await alice.getByTestId("nav-log").click();
  await alice.getByTestId("log-project").selectOption({ label: projectName });
  await alice.getByTestId("log-kind").selectOption("Cite");
  const option = alice.getByTestId("log-resource").locator("option", { hasText: design });
  await waitForOrBanner(alice, option, "bob's design among the resources alice may cite", REPLICATION_MS, "attached");
  await alice.getByTestId("log-resource").selectOption({ label: design });
  const citation = `Built on the optics design (e2e ${suffix})`;
  await alice.getByTestId("log-description").fill(citation);
  await alice.getByTestId("log-submit").click();
  await waitForOrBanner(alice, alice.getByTestId("log-success"), "alice's citation logged");

  await bob.bringToFront();
  await bob.getByTestId("nav-endorse").click();
  const row = bob.getByTestId("endorse-row").filter({ hasText: citation });
  await pollUntil(bob, "alice's citation in bob's endorsement queue", "refresh-endorse", async () => (await row.count()) > 0);
  await row.getByTestId("endorse-button").click();
  await waitForOrBanner(bob, bob.getByTestId("endorse-done").filter({ hasText: citation }), "bob's confirmation of the citation");

  await alice.bringToFront();
  await alice.getByTestId("nav-mine").click();
  const mine = alice.getByTestId("my-contribution").filter({ hasText: citation });
  const counted = async () => (await mine.count()) > 0 && (await mine.getByTestId("contribution-status").getAttribute("data-state")) === "Counted";
  await pollUntil(alice, "alice's citation counted", "refresh-mine", counted);
  await alice.getByTestId("nav-ledger").click();
  await alice.getByTestId("ledger-project").selectOption({ label: projectName });
  const licence = `Licence of the kit (e2e ${suffix})`;
  const distribution = await saleDistributed(alice, SECOND_INCOME_MINOR, licence, "alice's second");
  const upstream = distribution.getByTestId("upstream");
  const upstreamText = await flat(upstream);
  check(upstreamText.includes(`${optics}: ${eur(UPSTREAM_MINOR)}`), `the distribution's upstream share reads: ${upstreamText}`);
  const shares = (await chartBars(distribution.getByTestId("share-chart"))).map((b) => `${b.label}: ${b.text}`);
  const expectedShares = [`alice: ${eur(SECOND_INCOME_MINOR - UPSTREAM_MINOR)} · 90.9 %`, `${optics} (upstream): ${eur(UPSTREAM_MINOR)} · 9.1 %`];
  check(JSON.stringify(shares) === JSON.stringify(expectedShares), `the second distribution's chart reads ${JSON.stringify(shares)}`);
  const hash = (await upstream.locator("code").innerText()).trim();
  log(`alice's distribution pays ${optics} upstream: ${upstreamText}`);
  await screenshot(alice, "alice-upstream");

  // Bob records it for his project, once the distribution has reached his node.
  await bob.bringToFront();
  await bob.getByTestId("nav-ledger").click();
  await bob.getByTestId("ledger-project").selectOption({ label: optics });
  await bob.getByTestId("income-amount").fill(eur(UPSTREAM_MINOR).replace(" EUR", ""));
  await bob.getByTestId("income-source").selectOption("Upstream");
  await bob.getByTestId("income-source-hash").fill(hash);
  await bob.getByTestId("income-description").fill(`Our share of ${projectName}'s licence`);
  const recorded = bob.getByTestId("income-recorded");
  await pollUntil(bob, "bob's upstream income recorded", null, async () => {
    if ((await recorded.count()) > 0) return true;
    await bob.getByTestId("income-submit").click();
    await Promise.race([recorded.waitFor({ timeout: 10_000 }), bob.getByTestId("error-banner").waitFor({ timeout: 10_000 })]).catch(() => {});
    return (await recorded.count()) > 0;
  });
  const bobsRow = bob.getByTestId("income-row").filter({ hasText: "Upstream share of distribution" });
  await pollUntil(bob, "bob's upstream income listed", "refresh-ledger", async () => (await bobsRow.count()) > 0);
  check((await flat(bobsRow)).includes(eur(UPSTREAM_MINOR)), `bob's income row reads: ${await flat(bobsRow)}`);
  log(`bob recorded his project's upstream income: ${await flat(bobsRow)}`);
  await screenshot(bob, "bob-upstream-income");
  return optics;
}

/** Alice audits her own chain; Bob audits hers from the network until it is all replayed clean. */

/**
 * On the Ledger view of the chosen project: `page` records a sale of `minor` described
 * `description`, distributes it once it is listed, and returns the distribution once listed.
 */
export async function saleDistributed(page, minor, description, whose) {
  await page.getByTestId("income-amount").fill(eur(minor).replace(" EUR", ""));
  await page.getByTestId("income-source").selectOption("Sale");
  await page.getByTestId("income-description").fill(description);
  await page.getByTestId("income-submit").click();
  await waitForOrBanner(page, page.getByTestId("income-recorded"), `${whose} income recorded`);
  const incomeRow = page.getByTestId("income-row").filter({ hasText: description });
  await pollUntil(page, `${whose} income listed`, "refresh-ledger", async () => (await incomeRow.count()) > 0);
  await incomeRow.getByTestId("distribute-button").click();
  const distribution = page.getByTestId("distribution").filter({ hasText: description });
  await pollUntil(page, `${whose} distribution listed`, "refresh-ledger", async () => (await distribution.count()) > 0);
  return distribution;
}
