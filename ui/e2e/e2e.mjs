#!/usr/bin/env node
// End-to-end test of the UI on the live node: two agents of one `ovn-node` process, two pages of
// Debian's chromium (never a downloaded browser) driven by playwright-core.
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
// Then the money. Alice records an income of 100.00 EUR (a sale) for her project, previews its
// distribution and distributes it under the network's default value equation (dnas/ovn/dna.yaml:
// one bucket, 100 % of the income to contributions, work at 25.00 EUR an hour, Equity): her
// 2 h 30 min, worth 62.50 EUR, is the only counted contribution, so the preview, the listed
// distribution and their charts of shares give her the whole 100.00 EUR (100.0 %) and retain
// 0.00 EUR, and "Explain my payout" names her work contribution, its value 62.50 EUR and her
// 100.00 EUR. Alice audits her own chain (from her source chain: clean), and Bob, pasting the
// agent key Alice's header shows, audits her chain as the network holds it until the report is
// clean: chain valid, as many actions as her own audit counted, no warrant, no rejection,
// nothing left out, every record replayed valid (her private profile aside), her income and
// distribution with the figures they state (10000 minor units, 1 payout of 10000, 0 retained).
// The expected figures are computed from the DNA's equation and the domain's rules (see
// WORK_VALUE_MINOR below), never read off the page.
//
// Then a citation: bob's project registers a design, alice cites it and bob confirms; her next
// distribution pays bob's project its share upstream, which bob records as its income.
//
// Screenshots of every step (19) go to target/e2e-screenshots/. An uncaught page error fails the
// test, and no error banner may be left at the end, when the node gets SIGINT and must exit with
// status 0 within a minute.
//
// Environment: OVN_NODE_BIN (default target/debug/ovn-node), CHROMIUM (default /usr/bin/chromium).

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const NODE_BIN = resolve(ROOT, process.env.OVN_NODE_BIN || "target/debug/ovn-node");
const HAPP = join(ROOT, "workdir", "ovn.happ");
const UI_DIST = join(ROOT, "ui", "dist");
const SHOTS = join(ROOT, "target", "e2e-screenshots");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const NODE_READY_MS = 10 * 60_000;
const REPLICATION_MS = 3 * 60_000;
const FIRST_LOAD_MS = 5 * 60_000;
const SHUTDOWN_MS = 60_000;
const ACTION_MS = 120_000;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`[e2e ${elapsed()}] ${message}`);

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

// The node ------------------------------------------------------------------------------------

/** Starts ovn-node; resolves with its process and each agent's URL once it says it is ready. */
function startNode(dataDir) {
  const args = ["--agents", "2", "--port", "0", "--data-dir", dataDir, "--happ", HAPP, "--ui", UI_DIST];
  log(`starting ${NODE_BIN} ${args.join(" ")}`);
  const child = spawn(NODE_BIN, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((resolveExit) => {
    child.on("exit", (code, signal) => resolveExit({ code, signal }));
    child.on("error", (error) => resolveExit({ code: null, signal: null, error }));
  });
  const ready = new Promise((resolveReady, rejectReady) => {
    const urls = new Map();
    let sawReady = false;
    const settle = () => {
      if (sawReady && urls.size >= 2) {
        clearTimeout(timer);
        resolveReady([...urls.entries()].sort((a, b) => a[0] - b[0]).map(([, url]) => url));
      }
    };
    const onLine = (stream) => (line) => {
      console.log(`[node ${stream}] ${line}`);
      const agent = line.match(/agent (\d+) .*?(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (agent) urls.set(Number(agent[1]), agent[2]);
      if (/^ovn-node: ready:/.test(line)) sawReady = true;
      settle();
    };
    createInterface({ input: child.stdout }).on("line", onLine("out"));
    createInterface({ input: child.stderr }).on("line", onLine("err"));
    const timer = setTimeout(
      () => rejectReady(new Failure(`ovn-node was not ready within ${NODE_READY_MS / 60_000} minutes`)),
      NODE_READY_MS,
    );
    exited.then(({ code, signal, error }) => {
      clearTimeout(timer);
      rejectReady(
        new Failure(
          error
            ? `ovn-node could not start: ${error.message}`
            : `ovn-node exited before it was ready (status ${code}, signal ${signal})`,
        ),
      );
    });
  });
  return { child, exited, ready };
}

/** SIGINT, then the exit status within `SHUTDOWN_MS` (SIGKILL after that). */
async function stopNode(node) {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return await node.exited;
  node.child.kill("SIGINT");
  // The exit is waited on; the timer is only its deadline.
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), SHUTDOWN_MS)));
  const result = await Promise.race([node.exited, timeout]);
  clearTimeout(timer);
  if (result === "timeout") {
    node.child.kill("SIGKILL");
    await node.exited;
    return { code: null, signal: "SIGKILL", timedOut: true };
  }
  return result;
}

// Pages ---------------------------------------------------------------------------------------

let shot = 0;
/** Uncaught exceptions in the pages: any is a failure. */
const pageErrors = [];
async function screenshot(page, name) {
  shot += 1;
  const file = join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}

async function openPage(browser, name, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.setDefaultTimeout(ACTION_MS);
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") console.log(`[${name} console.${msg.type()}] ${msg.text()}`);
  });
  page.on("pageerror", (error) => {
    console.log(`[${name} page error] ${error.stack || error.message}`);
    pageErrors.push(`${name}: ${error.message}`);
  });
  log(`${name} opens ${url}`);
  await page.goto(url);
  return page;
}

function failOnPageErrors() {
  check(pageErrors.length === 0, `uncaught errors in the pages:\n  ${pageErrors.join("\n  ")}`);
}

/** The banner's text when it shows, else null. */
async function bannerText(page) {
  const banner = page.getByTestId("error-banner");
  return (await banner.count()) > 0 ? (await banner.innerText()).trim() : null;
}

/**
 * Waits (Playwright's own wait on the page) for `locator` to reach `state` ("visible", or
 * "detached" for gone); fails at once with the banner's message if the error banner shows first.
 */
async function waitForOrBanner(page, locator, what, timeout = ACTION_MS, state = "visible") {
  const settle = (promise, outcome) => promise.then(() => outcome, () => "timeout");
  const outcome = await Promise.race([
    settle(locator.first().waitFor({ state, timeout }), "reached"),
    settle(page.getByTestId("error-banner").waitFor({ state: "visible", timeout }), "banner"),
  ]);
  failOnPageErrors();
  if (outcome === "banner") throw new Failure(`${what}: the page shows an error: ${await bannerText(page)}`);
  if (outcome === "timeout") throw new Failure(`${what}: not within ${timeout / 1000} s`);
}

/** Waits for the first screen (onboarding, as a new agent), reloading if the page could not start. */
async function waitForOnboarding(page, name) {
  const deadline = Date.now() + FIRST_LOAD_MS;
  const onboarding = page.getByTestId("onboarding");
  const whoami = page.getByTestId("whoami");
  const failed = page.getByTestId("connection-error").or(page.getByText("Could not read your profile"));
  while (Date.now() < deadline) {
    // Whichever of the three screens comes first.
    await onboarding.or(whoami).or(failed).first()
      .waitFor({ state: "visible", timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => {});
    if (await onboarding.isVisible()) return;
    check(!(await whoami.isVisible()), `${name} already has a profile on a fresh node`);
    if ((await failed.count()) > 0) {
      log(`${name}'s page could not start (${(await failed.first().innerText()).replace(/\s+/g, " ")}); reloading`);
      await page.reload();
    }
  }
  throw new Failure(`${name}'s onboarding did not show within ${FIRST_LOAD_MS / 60_000} minutes`);
}

async function createProfile(page, name, firstTryInvisible = false) {
  await waitForOnboarding(page, name);
  const key = (await page.getByTestId("my-agent-key").innerText()).trim();
  check(/^uhCAk[\w-]{48}$/.test(key), `${name}'s onboarding shows no agent key (got "${key}")`);
  log(`${name}'s agent key: ${key}`);
  await screenshot(page, `${name}-onboarding`);
  if (firstTryInvisible) {
    // A nickname of zero-width spaces passes the form (it is not blank to JavaScript's trim) and
    // meets validation's text rule: the banner names the field, short, and nothing is written.
    await page.getByTestId("profile-nickname").fill("\u200B\u200B");
    await page.getByTestId("profile-submit").click();
    const banner = page.getByTestId("error-banner");
    await banner.waitFor({ timeout: 60_000 });
    const message = (await banner.getByTestId("error-message").innerText()).trim();
    check(
      message.includes("nickname must not be empty or made only of invisible characters") && message.length < 200,
      `an invisible nickname's banner does not name the field in short: "${message}"`,
    );
    await screenshot(page, `${name}-invisible-nickname`);
    await banner.getByRole("button", { name: "Dismiss the error" }).click();
    check(await page.getByTestId("onboarding").isVisible(), "an invisible nickname left the onboarding page");
    log(`${name}'s invisible nickname was refused: "${message}"`);
  }
  await page.getByTestId("profile-nickname").fill(name);
  await page.getByTestId("profile-skills").fill("electronics, CAD");
  await page.getByTestId("profile-submit").click();
  await waitForOrBanner(page, page.getByTestId("whoami"), `${name}'s profile`);
  const shown = (await page.getByTestId("whoami").innerText()).trim();
  check(shown === name, `the header shows "${shown}", not ${name}`);
  await screenshot(page, `${name}-profile`);
  return key;
}

/**
 * Clicks a Refresh button and waits until it is enabled again: the view disables it while its
 * call runs (synchronously on click), so enabled again means the call finished.
 */
async function refresh(page, testid) {
  if (!testid) return; // the look itself acts (a retried submit)
  const button = page.getByTestId(testid);
  await waitEnabled(button);
  await button.click();
  await waitEnabled(button);
}

/** Waits, in the page, until the element is not disabled. */
async function waitEnabled(locator, timeout = ACTION_MS) {
  const element = await locator.elementHandle({ timeout });
  await locator
    .page()
    .waitForFunction((el) => !el.disabled, element, { timeout })
    .catch(() => {
      throw new Failure(`a button stayed disabled for ${timeout / 1000} s`);
    });
}

/**
 * Refreshes until `found()` is true, logging progress (with what `progress()` says, if given,
 * of what the page shows meanwhile); fails after `timeout`.
 */
async function pollUntil(page, what, refreshTestid, found, timeout = REPLICATION_MS, progress = null) {
  const since = Date.now();
  let logged = 0;
  // Each look is paced by the refresh itself (the view's zome calls), not by a pause.
  for (let attempt = 1; ; attempt++) {
    failOnPageErrors();
    if (await found()) {
      log(`${what}: yes after ${((Date.now() - since) / 1000).toFixed(0)} s (${attempt} look${attempt === 1 ? "" : "s"})`);
      return;
    }
    const banner = await bannerText(page);
    const elapsed = Date.now() - since;
    if (elapsed > timeout) {
      const seen = progress ? `; ${await progress()}` : "";
      throw new Failure(`${what}: not within ${timeout / 60_000} minutes${seen}${banner ? `; the page shows: ${banner}` : ""}`);
    }
    if (attempt === 1 || elapsed - logged >= 5000) {
      logged = elapsed;
      const seen = progress ? `; ${await progress()}` : "";
      log(`${what}: not yet (look ${attempt}, ${(elapsed / 1000).toFixed(0)} s)${seen}${banner ? `; banner: ${banner}` : ""}`);
    }
    await refresh(page, refreshTestid);
  }
}

/** An element's text on one line. */
async function flat(locator) {
  return (await locator.innerText()).replace(/\s+/g, " ").trim();
}

/** The bars of a BarChart (`share-chart`): label, the text after the bar, the bar's width. */
async function chartBars(chart) {
  return await chart.locator("g").evaluateAll((groups) =>
    groups.map((g) => {
      const texts = g.querySelectorAll(":scope > text");
      return {
        label: texts[0].textContent.trim(),
        text: texts[1].textContent.replace(/\s+/g, " ").trim(),
        width: Number(g.querySelector("rect").getAttribute("width")),
      };
    }),
  );
}

/** Fails unless `chart` has exactly one bar: `label` with the whole of `amount`. */
async function checkWholeChart(chart, what, label, amount) {
  const bars = await chartBars(chart);
  const described = JSON.stringify(bars);
  check(bars.length === 1, `${what}: the chart has ${bars.length} bars, not 1: ${described}`);
  check(bars[0].label === label, `${what}: the bar is labelled "${bars[0].label}", not ${label}: ${described}`);
  check(bars[0].text === `${amount} · 100.0 %`, `${what}: the bar reads "${bars[0].text}", not "${amount} · 100.0 %"`);
  // BarChart draws the largest value over its whole width (BAR_WIDTH, 360).
  check(bars[0].width === 360, `${what}: the bar is ${bars[0].width} wide, not the whole 360`);
}

/** The audit report's rows: seq, what, figure, verdict as shown. */
async function auditRows(page) {
  return await page.getByTestId("audit-row").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent.replace(/\s+/g, " ").trim());
      return { seq: Number(cells[0]), what: cells[1], figure: cells[2], verdict: cells[3] };
    }),
  );
}

/** The Audit view's report as one line, for progress and failures. */
async function auditSummary(page) {
  const report = page.getByTestId("audit-report");
  if ((await report.count()) === 0) return "no report shown";
  const rows = await auditRows(page);
  const bad = rows.filter((r) => r.verdict !== "valid" && r.verdict !== "private (not replayable by others)");
  const findings = bad.map((r) => `#${r.seq} ${r.what}: ${r.verdict}`).join("; ");
  return `report "${await flat(page.getByTestId("audit-verdict"))}", ${await flat(page.getByTestId("audit-facts"))}${findings ? `; findings: ${findings}` : ""}`;
}

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
  await upstreamSteps(alice, bob, projectName, suffix);

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

// What alice's income must pay, derived from the DNA and the domain code, not read off the page:
// the network's default equation (dnas/ovn/dna.yaml) has one bucket, "contributors", taking
// 10000 bp (100 %) of the income (Straight), valuing work at 2500 minor units (25.00 EUR) an
// hour with an Equity claim. Her 2 h 30 min is worth 2500 × 150 / 60 = 6250 (62.50 EUR,
// ovn_domain value_of/per_hour). It is the project's only counted contribution, so it takes the
// whole pot (ovn_domain::distribute: shares in proportion to value): 10000 of an income of
// 10000, nothing retained. Amounts read as `money()` writes them (en locale, 2 decimals, EUR).
const INCOME_MINOR = 10000;
const WORK_RATE_MINOR = 2500;
const WORK_MINUTES = 150;
const WORK_VALUE_MINOR = Math.floor((WORK_RATE_MINOR * WORK_MINUTES) / 60);
const eur = (minor) => `${(minor / 100).toFixed(2)} EUR`;

/** Alice records an income, previews it, distributes it and has her payout explained. */
async function ledgerSteps(alice, projectName, description, suffix) {
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
 * steward, records as that project's income from the distribution.
 */
async function upstreamSteps(alice, bob, projectName, suffix) {
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
  await alice.getByTestId("income-amount").fill(eur(SECOND_INCOME_MINOR).replace(" EUR", ""));
  await alice.getByTestId("income-source").selectOption("Sale");
  await alice.getByTestId("income-description").fill(licence);
  await alice.getByTestId("income-submit").click();
  await waitForOrBanner(alice, alice.getByTestId("income-recorded"), "alice's second income recorded");
  const incomeRow = alice.getByTestId("income-row").filter({ hasText: licence });
  await pollUntil(alice, "alice's second income listed", "refresh-ledger", async () => (await incomeRow.count()) > 0);
  await incomeRow.getByTestId("distribute-button").click();
  const distribution = alice.getByTestId("distribution").filter({ hasText: licence });
  await pollUntil(alice, "alice's second distribution listed", "refresh-ledger", async () => (await distribution.count()) > 0);
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
}

/** Alice audits her own chain; Bob audits hers from the network until it is all replayed clean. */
async function auditSteps(alice, bob, keyAtOnboarding) {
  // Alice's key as her header shows it (the short form's title is the whole key).
  const aliceKey = await alice.getByTestId("my-agent-key-short").getAttribute("title");
  check(aliceKey === keyAtOnboarding, `alice's header shows key ${aliceKey}, not ${keyAtOnboarding} of her onboarding`);

  await alice.getByTestId("nav-audit").click();
  const ownInput = await alice.getByTestId("audit-agent").inputValue();
  check(ownInput === aliceKey, `alice's audit form starts with "${ownInput}", not her own key`);
  await refresh(alice, "audit-button");
  const ownClean = async () =>
    (await alice.getByTestId("audit-report").count()) > 0 && (await alice.getByTestId("audit-verdict").innerText()).trim() === "clean";
  await pollUntil(alice, "alice's audit of her own chain clean", "audit-button", ownClean, ACTION_MS, () => auditSummary(alice));
  const ownFacts = await flat(alice.getByTestId("audit-facts"));
  const ownMatch = ownFacts.match(/^Chain valid, (\d+) actions, read from their own source chain /);
  check(ownMatch, `alice's own audit does not read her valid source chain: ${ownFacts}`);
  const actions = Number(ownMatch[1]);
  const ownRows = await auditRows(alice);
  check(ownRows.length === actions, `alice's own audit lists ${ownRows.length} rows for ${actions} actions`);
  const ownBad = ownRows.filter((r) => r.verdict !== "valid");
  check(ownBad.length === 0, `alice's own records replay with findings: ${JSON.stringify(ownBad)}`);
  log(`alice's own audit: ${await auditSummary(alice)}`);
  await screenshot(alice, "alice-self-audit");

  // Bob pastes her key. The network holds her chain once her last actions have reached their
  // authorities, and every record replays once Bob's node can fetch what it depends on.
  await bob.bringToFront();
  await bob.getByTestId("nav-audit").click();
  await bob.getByTestId("audit-agent").fill(aliceKey);
  await refresh(bob, "audit-button");
  const complete = async () => {
    if ((await bob.getByTestId("audit-report").count()) === 0) return false;
    if ((await bob.getByTestId("audit-verdict").innerText()).trim() !== "clean") return false;
    const facts = await flat(bob.getByTestId("audit-facts"));
    return facts.startsWith(`Chain valid, ${actions} actions, read from the network `);
  };
  await pollUntil(bob, `bob's audit of alice's whole chain (${actions} actions) clean`, "audit-button", complete, REPLICATION_MS, () =>
    auditSummary(bob),
  );
  check((await bob.getByTestId("form-error").count()) === 0, "bob's audit form shows an error");
  const report = bob.getByTestId("audit-report");
  const title = await flat(report.locator("h2"));
  const shortKey = `${aliceKey.slice(0, 8)}…${aliceKey.slice(-6)}`;
  check(title === "alice: clean" || title === `${shortKey}: clean`, `bob's report is headed "${title}", not alice's clean chain`);
  const facts = await flat(bob.getByTestId("audit-facts"));
  const expectedFacts = `Chain valid, ${actions} actions, read from the network Warrants none Rejected actions none Distributions nothing found`;
  check(facts === expectedFacts, `bob's report reads "${facts}", not "${expectedFacts}"`);
  const rows = await auditRows(bob);
  check(rows.length === actions, `bob's report lists ${rows.length} rows for ${actions} actions`);
  check(
    rows.every((r, i) => r.seq === i),
    `bob's report does not list her actions 0 to ${actions - 1} in order: ${rows.map((r) => r.seq).join(",")}`,
  );
  for (const r of rows) {
    // Her private profile, and the capability grant that lets others send her payout-details
    // access, are only hashes to others: the records they cannot replay.
    const hidden = r.what === "PrivateProfile" || r.what === "CapGrant";
    const expected = hidden ? "private (not replayable by others)" : "valid";
    check(r.verdict === expected, `bob's report says "${r.verdict}" for her action #${r.seq} (${r.what}), not ${expected}`);
  }
  const only = (what) => {
    const found = rows.filter((r) => r.what === what);
    check(found.length === 1, `bob's report lists ${found.length} ${what} records of alice, not 1: ${JSON.stringify(rows.map((r) => r.what))}`);
    return found[0];
  };
  for (const what of ["Profile", "Project", "Contribution"]) only(what);
  const incomeRow = only("IncomeEvent");
  check(/^income of 10000 to project uhCkk/.test(incomeRow.figure), `her income's figure reads "${incomeRow.figure}"`);
  const settlementRow = only("Settlement");
  check(/^settles 1 contributions of \d{4}-\d{2}$/.test(settlementRow.figure), `her settlement's figure reads "${settlementRow.figure}"`);
  const distributionRow = only("Distribution");
  check(
    /^distributes income uhCkk\S+: 1 payouts totalling 10000, 0 retained$/.test(distributionRow.figure),
    `her distribution's figure reads "${distributionRow.figure}"`,
  );
  check(
    rows.filter((r) => r.what === "PrivateProfile").length <= 1,
    "bob's report lists more than one private profile of alice",
  );
  log(`bob's audit of alice: ${await auditSummary(bob)}`);
  await screenshot(bob, "bob-audit");
}

async function main() {
  for (const [what, path] of [["ovn-node", NODE_BIN], ["the hApp", HAPP], ["the built UI", join(UI_DIST, "index.html")], ["chromium", CHROMIUM]]) {
    check(existsSync(path), `${what} is missing: ${path}${what === "the built UI" ? " (run npm --prefix ui run build)" : ""}`);
  }
  mkdirSync(SHOTS, { recursive: true });
  for (const old of readdirSync(SHOTS)) if (old.endsWith(".png")) rmSync(join(SHOTS, old));
  const dataDir = mkdtempSync(join(tmpdir(), "ovn-e2e-"));

  const node = startNode(dataDir);
  process.on("SIGINT", () => {
    node.child.kill("SIGINT");
    process.exit(130);
  });
  let browser;
  const pages = {};
  let failure;
  try {
    const urls = await node.ready;
    log(`node ready: alice at ${urls[0]}, bob at ${urls[1]}`);
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
  log(`passed: node stopped cleanly (status 0); screenshots in ${SHOTS}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(`[e2e] FAILED: ${error.stack || error}`);
  process.exit(1);
});
