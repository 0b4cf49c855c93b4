#!/usr/bin/env node
// End-to-end test of the UI on the live node: three agents of one `ovn-node` process, three pages
// of Debian's chromium (never a downloaded browser) driven by playwright-core. Every view is
// used as a person uses it.
//
//   node ui/e2e/e2e.mjs            (from the repository root)
//   npm --prefix ui run e2e
//
// Alice first tries a nickname of zero-width spaces, which the banner refuses naming the field;
// then she creates a profile and a project and logs two and a half hours of work, which her page
// lists as pending; Bob creates a profile, finds her contribution in his endorsement queue once
// the DHT has brought it to him, and confirms it; Alice's page then shows it counted (the DNA
// asks for one confirmation).
//
// Then the money (money.mjs): alice's income of 100.00 EUR under the network's default equation,
// previewed, distributed and explained, all of it hers; the audit (audit.mjs): alice audits her
// own chain, bob audits hers from the network until every record replays clean; a citation of a
// design bob's project made pays that project its share upstream, which bob records.
//
// Then carol (commons.mjs): bob disputes the 3 hours she logged, she corrects them to 2 from her
// list and alice confirms the correction; alice adopts her project's equation version 1 in its
// form (90 % to contributions, a fixed 10 % to bob; a share that is not a number and a bucket
// named twice refused first, by name) and distributes 30.00 EUR in proportions to four payees;
// carol hands a soldering station over to bob, and the lists of what each holds follow; alice
// adds her project's own license, attaches it to a design, carol asks for it as a for-profit,
// alice proposes an exception for her (a non-profit, 10.00 EUR), consents, decides, carries it
// out and grants under it; then (governance.mjs) alice proposes version 2 of the equation (bob's
// fixed share 20 %) and votes, carol lets alice vote for her, bob publishes the decision, alice
// carries it out and the next 10.00 EUR pays bob 2.00 EUR; the reputation chart; a 5 MB call is
// refused by the page and by the node (413), naming the limit.
// Every expected figure is computed from the DNA's equation and the domain's rules, never read
// off the page.
//
// Screenshots of every step go to target/e2e-screenshots/. An uncaught page error fails the
// test, and no error banner may be left at the end, when the node gets SIGINT and must exit with
// status 0 within a minute.
//
// Environment: OVN_NODE_BIN (default target/debug/ovn-node), CHROMIUM (default /usr/bin/chromium).

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { auditSteps } from "./audit.mjs";
import { custodySteps, disputeSteps, equationSteps, licenseSteps, oversizeSteps } from "./commons.mjs";
import {
  CHROMIUM,
  FIRST_LOAD_MS,
  Failure,
  HAPP,
  NODE_BIN,
  PACK_BIN,
  forkForTest,
  SHOTS,
  SHUTDOWN_MS,
  UI_DIST,
  bannerText,
  check,
  createProfile,
  elapsed,
  failOnPageErrors,
  log,
  openPage,
  pollUntil,
  screenshot,
  startNode,
  stopNode,
  waitEnabled,
  waitForOrBanner,
} from "./lib.mjs";
import { governanceSteps } from "./governance.mjs";
import { ledgerSteps, upstreamSteps } from "./money.mjs";

/** Alice, bob and carol: one agent of the node each. */
const AGENTS = 3;

// The scenario --------------------------------------------------------------------------------

async function scenario(pages, urls, browser) {
  const suffix = new Date().toISOString().slice(11, 19);
  const projectName = `Open Spectrometer ${suffix}`;
  const description = `Soldered the sensor board (e2e ${suffix})`;

  // Alice: profile, project, contribution.
  const alice = (pages.alice = await openPage(browser, "alice", urls[0]));
  const aliceKey = await createProfile(alice, "alice", true);

  await alice.getByTestId("nav-projects").click();
  await alice.getByTestId("project-name").fill(projectName);
  await alice.getByTestId("project-purpose").fill("An open-hardware spectrometer");
  await alice.getByTestId("project-submit").click();
  const projectRow = alice.getByTestId("project-row").filter({ hasText: projectName });
  await waitForOrBanner(alice, projectRow, "alice's new project in the list");
  const projectText = (await projectRow.innerText()).replace(/\s+/g, " ");
  check(projectText.includes("alice (you)"), `the project does not show alice as its steward: ${projectText}`);
  check(!projectText.includes("Invalid Date"), `the project row shows an invalid date: ${projectText}`);
  await screenshot(alice, "alice-project");

  await alice.getByTestId("nav-log").click();
  await alice.getByTestId("log-project").selectOption({ label: projectName });
  await alice.getByTestId("log-kind").selectOption("Work");
  // Client-side validation names the field before anything is sent.
  await alice.getByTestId("log-hours").fill("0");
  await alice.getByTestId("log-description").fill(description);
  await alice.getByTestId("log-submit").click();
  const formError = (await alice.getByTestId("form-error").innerText()).trim();
  check(/Hours must be positive/.test(formError), `zero hours were not refused by name (got "${formError}")`);
  await alice.getByTestId("log-hours").fill("2.5");
  await alice.getByTestId("log-skill").fill("electronics");
  await alice.getByTestId("log-submit").click();
  await waitForOrBanner(alice, alice.getByTestId("log-success"), "alice's contribution logged");
  await screenshot(alice, "alice-logged");

  await alice.getByTestId("nav-mine").click();
  const mine = alice.getByTestId("my-contribution").filter({ hasText: description });
  await waitForOrBanner(alice, mine, "alice's contribution among her contributions");
  const kind = (await mine.getByTestId("contribution-kind").innerText()).trim();
  check(kind === "Work: 2 h 30 min (electronics)", `the contribution reads "${kind}"`);
  const pending = mine.getByTestId("contribution-status");
  const pendingState = await pending.getAttribute("data-state");
  const pendingText = (await pending.innerText()).trim();
  check(pendingState === "Pending", `a new contribution is ${pendingState}, not Pending`);
  check(pendingText === "Pending: 0 of 1 confirmation", `the status reads "${pendingText}"`);
  log(`alice sees her contribution: ${kind}, "${pendingText}"`);
  await screenshot(alice, "alice-pending");

  // Bob: profile, then the endorsement queue once the DHT has brought alice's work to him.
  const bob = (pages.bob = await openPage(browser, "bob", urls[1]));
  await createProfile(bob, "bob");
  await privateDetailsStep(bob);
  await bob.getByTestId("nav-endorse").click();
  const row = bob.getByTestId("endorse-row").filter({ hasText: description });
  await waitEnabled(bob.getByTestId("refresh-endorse"));
  await pollUntil(bob, "alice's contribution in bob's endorsement queue", "refresh-endorse", async () => (await row.count()) > 0);
  const rowText = (await row.innerText()).replace(/\s+/g, " ");
  check(rowText.includes(projectName), `the queue row does not name the project: ${rowText}`);
  check(rowText.includes("Work: 2 h 30 min (electronics)"), `the queue row does not say what was done: ${rowText}`);
  check(rowText.includes("Pending: 0 of 1 confirmation"), `the queue row does not show it pending: ${rowText}`);
  await screenshot(bob, "bob-queue");

  await row.getByTestId("endorse-button").click();
  const done = bob.getByTestId("endorse-done").filter({ hasText: description });
  await waitForOrBanner(bob, done, "bob's confirmation");
  check((await row.count()) === 0, "the endorsed contribution is still in bob's queue");
  log("bob confirmed alice's contribution");
  await screenshot(bob, "bob-endorsed");

  // Alice: counted once bob's confirmation reaches her.
  await alice.bringToFront();
  const counted = async () => (await mine.getByTestId("contribution-status").getAttribute("data-state")) === "Counted";
  await pollUntil(alice, "alice's contribution counted", "refresh-mine", counted);
  const countedText = (await mine.getByTestId("contribution-status").innerText()).trim();
  check(countedText === "Counted (1 confirmation)", `the counted status reads "${countedText}"`);
  const endorsers = (await mine.innerText()).replace(/\s+/g, " ");
  check(/confirmed by (bob|uhCAk)/.test(endorsers), `alice's row does not show bob's confirmation: ${endorsers}`);
  log(`alice sees it "${countedText}"`);
  await screenshot(alice, "alice-counted");

  await ledgerSteps(alice, projectName, description, suffix);
  await auditSteps(alice, bob, aliceKey);
  const optics = await upstreamSteps(alice, bob, projectName, suffix);

  const carol = (pages.carol = await openPage(browser, "carol", urls[2]));
  await createProfile(carol, "carol");
  await disputeSteps(alice, bob, carol, projectName, suffix);
  await equationSteps(alice, bob, projectName, optics, suffix);
  await custodySteps(bob, carol, optics, suffix);
  await licenseSteps(alice, carol, projectName, suffix);
  await governanceSteps(alice, bob, carol, aliceKey, projectName, suffix);
  await oversizeSteps(alice);

  for (const [name, page] of Object.entries(pages)) {
    const banner = await bannerText(page);
    check(!banner, `${name}'s page shows an error banner at the end: ${banner}`);
  }
  failOnPageErrors();
}

/** Bob, who gave no private details at onboarding, adds payout details; a reload reads them back. */
async function privateDetailsStep(bob) {
  await bob.getByTestId("nav-profile").click();
  await bob.getByTestId("show-private").click();
  await waitForOrBanner(bob, bob.getByTestId("private-payout"), "bob's private details form");
  await bob.getByTestId("private-payout").fill("IBAN XX00 BOB");
  await bob.getByTestId("save-private").click();
  await waitForOrBanner(bob, bob.getByText("Private details saved on your chain."), "bob's private details saved");
  await bob.reload();
  await waitForOrBanner(bob, bob.getByTestId("whoami"), "bob's page after a reload", FIRST_LOAD_MS);
  await bob.getByTestId("nav-profile").click();
  await bob.getByTestId("show-private").click();
  const field = bob.getByTestId("private-payout");
  await waitForOrBanner(bob, field, "bob's private details read back");
  check((await field.inputValue()) === "IBAN XX00 BOB", `bob's payout details read back as "${await field.inputValue()}"`);
  log("bob set his payout details on his own chain");
  // This node runs the open network: the invitations card says none is needed (an invite-only
  // fork's progenitor issues them there: tests/src/node.rs and tests/src/membrane.rs).
  const invitations = bob.getByTestId("invitations");
  await waitForOrBanner(bob, invitations.getByText("This network is open"), "bob's invitations card");

}

async function main() {
  for (const [what, path] of [["ovn-node", NODE_BIN], ["ovn-pack", PACK_BIN], ["the hApp", HAPP], ["the built UI", join(UI_DIST, "index.html")], ["chromium", CHROMIUM]]) {
    check(existsSync(path), `${what} is missing: ${path}${what === "the built UI" ? " (run npm --prefix ui run build)" : ""}`);
  }
  mkdirSync(SHOTS, { recursive: true });
  for (const old of readdirSync(SHOTS)) if (old.endsWith(".png")) rmSync(join(SHOTS, old));
  const forkDir = mkdtempSync(join(tmpdir(), "ovn-e2e-fork-"));
  const dataDir = mkdtempSync(join(tmpdir(), "ovn-e2e-"));

  const node = startNode(dataDir, AGENTS, forkForTest(forkDir));
  process.on("SIGINT", () => {
    node.child.kill("SIGINT");
    process.exit(130);
  });
  let browser;
  const pages = {};
  let failure;
  try {
    const urls = await node.ready;
    log(`node ready: alice at ${urls[0]}, bob at ${urls[1]}, carol at ${urls[2]}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    await scenario(pages, urls, browser);
  } catch (error) {
    failure = error;
    console.error(`[e2e ${elapsed()}] FAILED: ${error instanceof Failure ? error.message : error.stack || error}`);
    for (const [name, page] of Object.entries(pages)) {
      try {
        const file = join(SHOTS, `failure-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const banner = await bannerText(page);
        console.error(`[e2e] ${name}'s page: ${file}${banner ? `; banner: ${banner}` : ""}`);
      } catch (e) {
        console.error(`[e2e] no screenshot of ${name}'s page: ${e.message}`);
      }
    }
  }

  log("stopping the node (SIGINT)");
  const stopped = await stopNode(node);
  if (browser) await browser.close().catch(() => {});
  if (!failure) {
    if (stopped.timedOut) failure = new Failure(`ovn-node did not exit within ${SHUTDOWN_MS / 1000} s of SIGINT`);
    else if (stopped.code !== 0) failure = new Failure(`ovn-node exited with status ${stopped.code} (signal ${stopped.signal}) after SIGINT, not 0`);
    if (failure) console.error(`[e2e ${elapsed()}] FAILED: ${failure.message}`);
  }
  if (failure) {
    log(`node data kept for inspection in ${dataDir}`);
    process.exit(1);
  }
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(forkDir, { recursive: true, force: true });
  log(`passed: node stopped cleanly (status 0); screenshots in ${SHOTS}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(`[e2e] FAILED: ${error.stack || error}`);
  process.exit(1);
});
