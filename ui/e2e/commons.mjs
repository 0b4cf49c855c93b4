// The browser test's third member, carol, and every view the first steps leave: a dispute and
// its correction, the value equation's form, a distribution shared by three, a resource handed
// over, a project's own license granted, and a call over the node's limit.

import {
  REPLICATION_MS,
  bannerText,
  chartBars,
  check,
  flat,
  localInputIn,
  log,
  pollUntil,
  screenshot,
  waitForOrBanner,
} from "./lib.mjs";
import { WORK_RATE_MINOR, WORK_VALUE_MINOR, eur, saleDistributed } from "./money.mjs";

/** The agent key a page's header shows (the short form's title is the whole key). */
async function keyOf(page) {
  return await page.getByTestId("my-agent-key-short").getAttribute("title");
}

/** Fails unless the banner shows a message holding `expected`, short; a screenshot; dismissed. */
async function bannerSays(page, expected, what, shot) {
  const banner = page.getByTestId("error-banner");
  await banner.waitFor({ timeout: 60_000 }).catch(() => {});
  const message = (await banner.getByTestId("error-message").innerText().catch(() => "")).trim();
  check(message.includes(expected), `${what}: the banner says "${message}", not "${expected}"`);
  check(message.length < 300, `${what}: the banner's message is ${message.length} characters long`);
  await screenshot(page, shot);
  await banner.getByRole("button", { name: "Dismiss the error" }).click();
  return message;
}

// Carol's work as she logged it (3 h) and as corrected (2 h), valued like alice's: 25.00 EUR an
// hour under the network's default equation, kept by alice's version 1.
const CAROL_WORK_MINUTES = 120;
const CAROL_VALUE_MINOR = Math.floor((WORK_RATE_MINOR * CAROL_WORK_MINUTES) / 60);

/**
 * Carol logs 3 hours of work to alice's project; bob disputes it ("it was 2 hours"); carol
 * corrects it from her list, the form filled with what she logged; alice confirms the
 * correction, which counts, and the original is superseded.
 */
export async function disputeSteps(alice, bob, carol, projectName, suffix) {
  const logged = `Calibrated the spectrometer (e2e ${suffix})`;
  const corrected = `Calibrated the spectrometer, 2 h (e2e ${suffix})`;
  await carol.bringToFront();
  await carol.getByTestId("nav-log").click();
  const option = carol.getByTestId("log-project").locator("option", { hasText: projectName });
  await waitForOrBanner(carol, option, "alice's project among carol's projects", REPLICATION_MS, "attached");
  await carol.getByTestId("log-project").selectOption({ label: projectName });
  await carol.getByTestId("log-hours").fill("3");
  await carol.getByTestId("log-skill").fill("electronics");
  await carol.getByTestId("log-description").fill(logged);
  await carol.getByTestId("log-submit").click();
  await waitForOrBanner(carol, carol.getByTestId("log-success"), "carol's contribution logged");

  await bob.bringToFront();
  await bob.getByTestId("nav-endorse").click();
  const row = bob.getByTestId("endorse-row").filter({ hasText: logged });
  await pollUntil(bob, "carol's work in bob's queue", "refresh-endorse", async () => (await row.count()) > 0);
  await row.getByTestId("dispute-button").click();
  await row.getByTestId("dispute-reason").fill("It took 2 hours, not 3");
  await row.getByTestId("dispute-reason").press("Enter");
  await waitForOrBanner(bob, bob.getByTestId("endorse-done").filter({ hasText: logged }), "bob's dispute");
  await screenshot(bob, "bob-disputes");

  await carol.bringToFront();
  await carol.getByTestId("nav-mine").click();
  const original = carol.getByTestId("my-contribution").filter({ hasText: logged });
  const state = async (row) => (await row.count()) > 0 && (await row.getByTestId("contribution-status").getAttribute("data-state"));
  await pollUntil(carol, "carol's work disputed", "refresh-mine", async () => (await state(original)) === "Disputed");
  const disputedText = await flat(original);
  check(disputedText.includes("It took 2 hours, not 3"), `carol's row does not show bob's reason: ${disputedText}`);
  await screenshot(carol, "carol-disputed");
  await original.getByTestId("correct-contribution").click();
  await waitForOrBanner(carol, carol.getByTestId("correcting"), "carol's correction form");
  const hours = await carol.getByTestId("log-hours").inputValue();
  const description = await carol.getByTestId("log-description").inputValue();
  check(hours === "3" && description === logged, `the correction form starts from "${hours}" h, "${description}", not what carol logged`);
  await carol.getByTestId("log-hours").fill(String(CAROL_WORK_MINUTES / 60));
  await carol.getByTestId("log-description").fill(corrected);
  await carol.getByTestId("log-submit").click();
  await waitForOrBanner(carol, carol.getByTestId("log-success"), "carol's correction logged");
  const said = await flat(carol.getByTestId("log-success"));
  check(said.includes("a correction: Work: 2 h"), `the form says "${said}"`);
  check((await carol.getByTestId("correcting").count()) === 0, "the form still corrects after the correction was logged");
  await screenshot(carol, "carol-corrected");

  await alice.bringToFront();
  await alice.getByTestId("nav-endorse").click();
  const correction = alice.getByTestId("endorse-row").filter({ hasText: corrected });
  await pollUntil(alice, "carol's correction in alice's queue", "refresh-endorse", async () => (await correction.count()) > 0);
  await correction.getByTestId("endorse-button").click();
  await waitForOrBanner(alice, alice.getByTestId("endorse-done").filter({ hasText: corrected }), "alice's confirmation of the correction");

  await carol.bringToFront();
  await carol.getByTestId("nav-mine").click();
  const replacement = carol.getByTestId("my-contribution").filter({ hasText: corrected });
  await pollUntil(carol, "carol's correction counted", "refresh-mine", async () => (await state(replacement)) === "Counted");
  const originalState = await original.getByTestId("contribution-status").getAttribute("data-state");
  check(originalState === "Superseded", `carol's original is ${originalState}, not Superseded`);
  check((await original.getByTestId("correct-contribution").count()) === 0, "a superseded contribution can still be corrected");
  log("carol's disputed work was corrected, and the correction counts");
  await screenshot(carol, "carol-correction-counted");
}

// Alice's version 1 of her project's equation: "contributors" keeps the default's rules at 90 %
// of the income, and "maintenance" pays bob a fixed 10 %. Of an income of 30.00 EUR: 300 to bob;
// 2700 shared by value between alice's work (6250), carol's corrected work (5000) and alice's
// citation of bob's project's design, valued at 10 % of the other inputs (1125): 2700 × 6250 /
// 12375 = 1363 r 0.64, × 5000 / 12375 = 1090 r 0.91, × 1125 / 12375 = 245 r 0.45, and the two
// minor units left go to the largest remainders, carol's then alice's (ovn_domain apportion).
const THIRD_INCOME_MINOR = 3000;
const CITE_VALUE_MINOR = Math.floor((WORK_VALUE_MINOR + CAROL_VALUE_MINOR) / 10);
const EXPECTED_SHARES = [
  ["alice", 1364],
  ["carol", 1091],
  ["bob", 300],
  ["optics", 245],
];

/**
 * Alice proposes version 1 in the Governance form (two mistakes first: this network adopts an
 * equation only by a decision), votes for it, publishes the decision once it closes and carries
 * it out; then she distributes among three under it.
 */
export async function equationSteps(alice, bob, projectName, optics, suffix) {
  check(CAROL_VALUE_MINOR === 5000 && CITE_VALUE_MINOR === 1125, "the expected equation figures are wrong");
  check(EXPECTED_SHARES.reduce((sum, [, minor]) => sum + minor, 0) === THIRD_INCOME_MINOR, "the expected shares do not add up");
  const bobKey = await keyOf(bob);
  await alice.bringToFront();
  await alice.getByTestId("nav-ledger").click();
  await alice.getByTestId("ledger-project").selectOption({ label: projectName });
  await waitForOrBanner(alice, alice.getByTestId("equation-by-decision"), "the equation card's pointer to governance");
  check((await alice.getByTestId("equation-edit").count()) === 0, "a steward may adopt an equation alone where decisions bind");

  await alice.getByTestId("nav-governance").click();
  await alice.getByTestId("governance-project").selectOption({ label: projectName });
  await waitForOrBanner(alice, alice.getByTestId("propose"), "alice's proposal form");
  const title = `Version 1 of the equation (e2e ${suffix})`;
  await alice.getByTestId("proposal-title").fill(title);
  await alice.getByTestId("proposal-kind").selectOption("Equation");
  const buckets = alice.getByTestId("equation-bucket");
  await waitForOrBanner(alice, buckets, "the equation form");
  check((await buckets.count()) === 1, `the form starts with ${await buckets.count()} buckets, not the default's one`);
  check((await buckets.getByTestId("bucket-name").inputValue()) === "contributors", "the form does not start from the equation in force");

  // A share that is not a number: the form names the bucket and the field, and sends nothing.
  await buckets.getByTestId("bucket-share").fill("ninety");
  await alice.getByTestId("proposal-open").click();
  const formError = (await alice.getByTestId("form-error").innerText()).trim();
  check(formError === "Bucket 1 (contributors): share must be a percentage with at most two decimals, e.g. 12.5", `the form says "${formError}"`);
  await buckets.first().getByTestId("bucket-share").fill("90");
  await alice.getByTestId("bucket-add").click();
  const second = buckets.nth(1);
  await second.getByTestId("bucket-name").fill("contributors");
  await second.getByTestId("bucket-share").fill("10");
  await second.getByTestId("bucket-kind").selectOption("FixedShare");
  await second.getByTestId("bucket-agent").fill(bobKey);
  // Two buckets of one name: validation's rule, named in the banner.
  await alice.getByTestId("proposal-open").click();
  await bannerSays(alice, "bucket name", "a bucket named twice", "alice-equation-refused");
  await second.getByTestId("bucket-name").fill("maintenance");
  // 40 s from now, to the second: this network's proposals stay open 30 s or more.
  await alice.getByTestId("proposal-closes").fill(await localInputIn(alice, 40));
  await alice.getByTestId("proposal-open").click();
  await waitForOrBanner(alice, alice.getByTestId("proposal-notice"), "alice's equation proposed");
  const card = alice.getByTestId("proposal").filter({ hasText: title });
  const cardRefresh = card.getByTestId("proposal-refresh");
  await waitForOrBanner(alice, card.getByTestId("vote-yes"), "alice's equation proposal");
  await card.getByTestId("vote-yes").click();
  await pollUntil(alice, "alice's vote on her equation counted", cardRefresh, async () => (await flat(card.getByTestId("proposal-count"))).startsWith("1 vote(s)"));
  await pollUntil(alice, "alice's equation proposal closed", cardRefresh, async () => (await card.getByTestId("decide").count()) > 0);
  await card.getByTestId("decide").click();
  await waitForOrBanner(alice, card.getByTestId("adopt-decided"), "the decision that passed alice's equation");
  const decision = await flat(card.getByTestId("decision"));
  check(decision.startsWith("Stands:") && decision.includes("passes"), `the decision reads "${decision}"`);
  await card.getByTestId("adopt-decided").click();
  await waitForOrBanner(alice, card.getByTestId("equation-carried-out"), "alice's equation carried out");
  await screenshot(alice, "alice-equation-decided");
  log(`alice's equation passed and was carried out: ${decision}`);

  await alice.getByTestId("nav-ledger").click();
  await alice.getByTestId("ledger-project").selectOption({ label: projectName });
  const equation = alice.getByTestId("equation");
  await waitForOrBanner(alice, equation.getByText("Version 1, adopted by decision"), "alice's version 1 in force");
  const equationText = await flat(equation);
  for (const expected of ["contributors: 90 % of the income", "maintenance: 10 % of the income , all to bob"]) {
    check(equationText.replace(/ ,/g, ",").includes(expected.replace(/ ,/g, ",")), `the equation card does not say "${expected}": ${equationText}`);
  }
  await screenshot(alice, "alice-equation-v1");

  const sale = `Sale of three kits (e2e ${suffix})`;
  const distribution = await saleDistributed(alice, THIRD_INCOME_MINOR, sale, "alice's three-way");
  const bars = await chartBars(distribution.getByTestId("share-chart"));
  const label = (who) => (who === "optics" ? `${optics} (upstream)` : who);
  const expected = EXPECTED_SHARES.map(([who, minor]) => `${label(who)}: ${eur(minor)} · ${((100 * minor) / THIRD_INCOME_MINOR).toFixed(1)} %`);
  const shown = bars.map((b) => `${b.label}: ${b.text}`);
  check(
    JSON.stringify([...shown].sort()) === JSON.stringify([...expected].sort()),
    `the three-way distribution's chart reads ${JSON.stringify(shown)}, not ${JSON.stringify(expected)}`,
  );
  const widest = bars.find((b) => b.label === "alice");
  check(widest?.width === 360, `alice's bar, the largest, is not the whole width: ${JSON.stringify(bars)}`);
  log(`alice's distribution under version 1: ${shown.join("; ")}`);
  await screenshot(alice, "alice-three-way");
}

/**
 * Carol adds a soldering station; bob asks for it, carol offers the hand-over, bob accepts:
 * the resources bob holds list it, carol's do not; bob's project lists its design.
 */
export async function custodySteps(bob, carol, optics, suffix) {
  const station = `Soldering station ${suffix}`;
  await carol.bringToFront();
  await carol.getByTestId("nav-resources").click();
  await carol.getByTestId("resource-name").fill(station);
  await carol.getByTestId("resource-regime").selectOption("Nondominium");
  await carol.getByTestId("resource-submit").click();
  const carolsRow = carol.getByTestId("resource-row").filter({ hasText: station });
  await waitForOrBanner(carol, carolsRow, "carol's station listed");

  await bob.bringToFront();
  await bob.getByTestId("nav-resources").click();
  const bobsRow = bob.getByTestId("resource-row").filter({ hasText: station });
  await pollUntil(bob, "carol's station among bob's resources", "refresh-resources", async () => (await bobsRow.count()) > 0);
  await bobsRow.getByRole("button", { name: station }).click();
  await bob.getByTestId("custody-note").fill("For the optics bench, two weeks");
  await bob.getByTestId("request-custody").click();
  await waitForOrBanner(bob, bob.getByTestId("custody-notice"), "bob's request for the station");

  await carol.bringToFront();
  await carolsRow.getByRole("button", { name: station }).click();
  const request = carol.getByTestId("custody-request-row").filter({ hasText: "For the optics bench" });
  await pollUntil(carol, "bob's request on carol's station", "refresh-custody", async () => (await request.count()) > 0);
  await request.getByTestId("hand-over-to").click();
  check((await carol.getByTestId("transfer-to").inputValue()) === (await keyOf(bob)), "hand over to them did not fill in bob's key");
  await carol.getByTestId("transfer-custody").click();
  await waitForOrBanner(carol, carol.getByTestId("custody-offer"), "carol's offer to bob");
  await screenshot(carol, "carol-offers-station");

  await bob.bringToFront();
  const accept = bob.getByTestId("accept-custody");
  await pollUntil(bob, "carol's offer reaching bob", "refresh-custody", async () => (await accept.count()) > 0);
  await accept.click();
  await pollUntil(bob, "bob holding the station", "refresh-custody", async () => (await flat(bob.getByTestId("custodian"))) === "bob (you)");
  check((await bob.getByTestId("custody-step").count()) === 1, "the station's history does not show one hand-over");
  await bob.getByTestId("resources-show").selectOption("mine");
  await waitForOrBanner(bob, bob.locator('[data-shown="mine"]'), "bob's list of what he holds");
  await pollUntil(bob, "the station among what bob holds", "refresh-resources", async () => (await bobsRow.count()) > 0);
  await bob.getByTestId("resources-show").selectOption("project");
  await bob.getByTestId("resources-project").selectOption({ label: optics });
  const opticsKey = await bob.getByTestId("resources-project").inputValue();
  await waitForOrBanner(bob, bob.locator(`[data-shown="project:${opticsKey}"]`), "bob's list of his project's resources");
  const design = bob.getByTestId("resource-row").filter({ hasText: `Optics design ${suffix}` });
  await pollUntil(bob, "bob's design among his project's resources", "refresh-resources", async () => (await design.count()) > 0);
  check((await bobsRow.count()) === 0, "the project's list shows carol's station, which no project made");
  await screenshot(bob, "bob-holds-station");

  await carol.bringToFront();
  await carol.getByTestId("resources-show").selectOption("mine");
  await waitForOrBanner(carol, carol.locator('[data-shown="mine"]'), "carol's list of what she holds");
  await pollUntil(carol, "carol holding nothing", "refresh-resources", async () => (await carol.getByTestId("no-resources").count()) > 0);
  log("the station went from carol to bob, and each list says so");
}

/**
 * Alice adds a license of her own project (a flat 50.00 EUR for those who owe) and attaches it to
 * her project's kit design; carol asks for it as a for-profit and owes the fee. Decisions bind
 * in this network: alice proposes treating carol's workshop as a non-profit paying 10.00 EUR,
 * consents as the project's steward, publishes the decision and carries it out; then grants
 * the license under that exception.
 */
export async function licenseSteps(alice, carol, projectName, suffix) {
  const license = `Spectrometer reciprocity ${suffix}`;
  const kit = `Spectrometer kit design ${suffix}`;
  await alice.bringToFront();
  await alice.getByTestId("nav-resources").click();
  await alice.getByTestId("resource-name").fill(kit);
  await alice.getByTestId("resource-regime").selectOption("Commons");
  await alice.getByTestId("resource-project").selectOption({ label: projectName });
  await alice.getByTestId("resource-submit").click();
  await waitForOrBanner(alice, alice.getByTestId("resource-row").filter({ hasText: kit }), "alice's kit design listed");

  await alice.getByTestId("nav-licenses").click();
  await alice.getByTestId("project-licenses-project").selectOption({ label: projectName });
  await waitForOrBanner(alice, alice.getByTestId("no-project-license"), "alice's project without a license of its own");
  await alice.getByTestId("license-name").fill(license);
  await alice.getByTestId("license-fee-kind").selectOption("Flat");
  await alice.getByTestId("license-fee").fill("50");
  await alice.getByTestId("license-create").click();
  const licenseRow = alice.getByTestId("project-license-row").filter({ hasText: license });
  await waitForOrBanner(alice, licenseRow, "alice's project license listed");
  const licenseText = await flat(licenseRow);
  check(licenseText.includes("Commons-based reciprocity") && licenseText.includes("50.00 EUR"), `the license row reads: ${licenseText}`);
  await screenshot(alice, "alice-project-license");

  await alice.getByTestId("license-resource").selectOption({ label: kit });
  await waitForOrBanner(alice, alice.getByTestId("no-license"), "the kit design without a license");
  await alice.getByTestId("attach-choice").selectOption({ label: `${license} (${projectName})` });
  await alice.getByTestId("attach-license").click();
  await waitForOrBanner(alice, alice.getByTestId("resource-license"), "the license attached to the kit");

  await carol.bringToFront();
  await carol.getByTestId("nav-licenses").click();
  const kitOption = carol.getByTestId("license-resource").locator("option", { hasText: kit });
  await pollUntil(carol, "alice's kit among carol's resources", "refresh-licenses", async () => (await kitOption.count()) > 0);
  await carol.getByTestId("license-resource").selectOption({ label: kit });
  const carries = carol.getByTestId("resource-license");
  await pollUntil(carol, "the kit's license reaching carol", "refresh-licenses", async () => (await carries.count()) > 0);
  await carol.getByTestId("license-category").selectOption("ForProfit");
  await carol.getByTestId("license-units").fill("10");
  await carol.getByTestId("license-note").fill("Carol's workshop sells kits");
  await carol.getByTestId("request-license").click();
  await waitForOrBanner(carol, carol.getByTestId("license-notice"), "carol's license request");
  const notice = await flat(carol.getByTestId("license-notice"));
  check(notice.includes("50.00 EUR"), `carol's request does not say she owes 50.00 EUR: ${notice}`);

  await alice.bringToFront();
  const requestRow = alice.getByTestId("license-request-row").filter({ hasText: "Carol's workshop sells kits" });
  await pollUntil(alice, "carol's request reaching alice", "refresh-license-requests", async () => (await requestRow.count()) > 0);
  const why = `Carol's workshop trains apprentices (e2e ${suffix})`;
  await requestRow.getByTestId("exception-open").click();
  await requestRow.getByTestId("exception-category").selectOption("NonProfit");
  await requestRow.getByTestId("exception-fee").fill("10");
  await requestRow.getByTestId("exception-reason").fill(why);
  await requestRow.getByTestId("exception-closes").fill(await localInputIn(alice, 60));
  await requestRow.getByTestId("exception-submit").click();
  await waitForOrBanner(alice, alice.getByTestId("exception-proposed"), "alice's exception proposed");

  await alice.getByTestId("nav-governance").click();
  await alice.getByTestId("governance-project").selectOption({ label: projectName });
  const card = alice.getByTestId("proposal").filter({ hasText: why });
  const cardRefresh = card.getByTestId("proposal-refresh");
  await pollUntil(alice, "alice's exception proposal listed", "refresh-governance", async () => (await card.count()) > 0);
  const change = await flat(card.getByTestId("proposal-change"));
  check(change.toLowerCase().includes("non-profit") && change.includes("10.00 EUR"), `the exception proposal reads "${change}"`);
  await waitForOrBanner(alice, card.getByTestId("vote-yes"), "alice's vote on the exception");
  await card.getByTestId("vote-yes").click();
  await pollUntil(alice, "alice's consent counted", cardRefresh, async () => (await flat(card.getByTestId("proposal-count"))).startsWith("1 vote(s)"));
  await pollUntil(alice, "the exception proposal closed", cardRefresh, async () => (await card.getByTestId("decide").count()) > 0);
  await card.getByTestId("decide").click();
  await waitForOrBanner(alice, card.getByTestId("adopt-decided"), "the decision that passed the exception");
  await card.getByTestId("adopt-decided").click();
  await waitForOrBanner(alice, card.getByTestId("exception-carried-out"), "the exception carried out");
  await screenshot(alice, "alice-exception-decided");

  await alice.getByTestId("nav-licenses").click();
  await alice.getByTestId("license-resource").selectOption({ label: kit });
  const underException = requestRow.getByTestId("grant-exception");
  await pollUntil(alice, "the decided exception on carol's request", "refresh-license-requests", async () => (await underException.count()) > 0);
  await underException.first().click();
  await waitForOrBanner(alice, requestRow.getByTestId("license-granted"), "alice's grant");
  const granted = await flat(requestRow.getByTestId("license-granted"));
  check(granted === "granted: 10.00 EUR", `the request reads "${granted}"`);
  log(`alice granted carol her project's license under the exception the project decided: ${granted}`);
  await screenshot(alice, "alice-grants-license");
}

/**
 * Five megabytes in a description: the page refuses to send it, naming the node's limit; and
 * the node itself, asked anyway, answers 413 naming it (not a dropped connection).
 */
export async function oversizeSteps(alice) {
  await alice.bringToFront();
  await alice.getByTestId("nav-log").click();
  await alice.getByTestId("log-hours").fill("1");
  await alice.getByTestId("log-skill").fill("electronics");
  await alice.getByTestId("log-description").evaluate((el) => {
    el.value = "x".repeat(5_000_000);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await alice.getByTestId("log-submit").click();
  const message = await bannerSays(alice, "over the 4.0 MB a node takes in one call", "a 5 MB description", "alice-oversized");
  check(message.includes("this request is 5.0 MB"), `the banner does not say the request's size: "${message}"`);
  check((await alice.getByTestId("log-success").count()) === 0, "a 5 MB description was logged");
  const answer = await alice.evaluate(async () => {
    const node = window.__OVN_NODE__;
    const response = await fetch(node.signUrl, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", "x-ovn-secret": node.secret },
      body: new Uint8Array(5_000_000),
    });
    return { status: response.status, text: await response.text() };
  });
  check(answer.status === 413, `the node answered ${answer.status} to a 5 MB call: ${answer.text}`);
  check(answer.text.includes("over the 4.0 MB limit on one call"), `the node's 413 says "${answer.text}"`);
  await alice.getByTestId("log-description").fill("");
  check(!(await bannerText(alice)), "a banner is left after the oversized call");
  log(`a 5 MB call: refused by the page ("${message}") and by the node (413: "${answer.text}")`);
}
