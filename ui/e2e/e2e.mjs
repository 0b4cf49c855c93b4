#!/usr/bin/env node
// End-to-end test of the UI on the live node: two agents of one `ovn-node` process, two pages of
// Debian's chromium (never a downloaded browser).
//
//   node ui/e2e/e2e.mjs            (from the repository root)
//   npm --prefix ui run e2e
//
// Alice creates a profile and a project and logs two and a half hours of work, which her page
// lists as pending; Bob creates a profile, finds her contribution in his endorsement queue once
// the DHT has brought it to him, and confirms it; Alice's page then shows it counted (the DNA
// asks for one confirmation). Screenshots of every step go to target/e2e-screenshots/. At the
// end the node gets SIGINT and must exit with status 0 within a minute.
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
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
  const timeout = sleep(SHUTDOWN_MS).then(() => "timeout");
  const result = await Promise.race([node.exited, timeout]);
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

/** Waits for `locator` to be visible; fails at once with the banner's message if one shows. */
async function waitForOrBanner(page, locator, what, timeout = ACTION_MS) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    failOnPageErrors();
    if ((await locator.count()) > 0 && (await locator.first().isVisible())) return;
    const banner = await bannerText(page);
    if (banner) throw new Failure(`${what}: the page shows an error: ${banner}`);
    await sleep(250);
  }
  throw new Failure(`${what}: not seen within ${timeout / 1000} s`);
}

/** Waits for the first screen (onboarding, as a new agent), reloading if the node was slow. */
async function waitForOnboarding(page, name) {
  const deadline = Date.now() + FIRST_LOAD_MS;
  while (Date.now() < deadline) {
    if (await page.getByTestId("onboarding").isVisible()) return;
    check(!(await page.getByTestId("whoami").isVisible()), `${name} already has a profile on a fresh node`);
    const failed = page.getByTestId("connection-error").or(page.getByText("Could not read your profile"));
    if ((await failed.count()) > 0) {
      log(`${name}'s page could not start (${(await failed.first().innerText()).replace(/\s+/g, " ")}); reloading`);
      await sleep(3000);
      await page.reload();
    }
    await sleep(500);
  }
  throw new Failure(`${name}'s onboarding did not show within ${FIRST_LOAD_MS / 60_000} minutes`);
}

async function createProfile(page, name) {
  await waitForOnboarding(page, name);
  const key = (await page.getByTestId("my-agent-key").innerText()).trim();
  check(/^uhCAk[\w-]{48}$/.test(key), `${name}'s onboarding shows no agent key (got "${key}")`);
  log(`${name}'s agent key: ${key}`);
  await screenshot(page, `${name}-onboarding`);
  await page.getByTestId("profile-nickname").fill(name);
  await page.getByTestId("profile-skills").fill("electronics, CAD");
  await page.getByTestId("profile-submit").click();
  await waitForOrBanner(page, page.getByTestId("whoami"), `${name}'s profile`);
  const shown = (await page.getByTestId("whoami").innerText()).trim();
  check(shown === name, `the header shows "${shown}", not ${name}`);
  await screenshot(page, `${name}-profile`);
}

/** Clicks a Refresh button and waits until it is enabled again (its call finished). */
async function refresh(page, testid) {
  const button = page.getByTestId(testid);
  await waitEnabled(button);
  await button.click();
  await sleep(300);
  await waitEnabled(button);
}

async function waitEnabled(locator, timeout = ACTION_MS) {
  const deadline = Date.now() + timeout;
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Failure(`a button stayed disabled for ${timeout / 1000} s`);
    await sleep(250);
  }
}

/** Refreshes until `found()` is true, logging progress; fails after `timeout`. */
async function pollUntil(page, what, refreshTestid, found, timeout = REPLICATION_MS) {
  const since = Date.now();
  for (let attempt = 1; ; attempt++) {
    failOnPageErrors();
    if (await found()) {
      log(`${what}: yes after ${((Date.now() - since) / 1000).toFixed(0)} s (${attempt} look${attempt === 1 ? "" : "s"})`);
      return;
    }
    const banner = await bannerText(page);
    if (Date.now() - since > timeout) {
      throw new Failure(`${what}: not within ${timeout / 60_000} minutes${banner ? `; the page shows: ${banner}` : ""}`);
    }
    log(`${what}: not yet (look ${attempt}, ${((Date.now() - since) / 1000).toFixed(0)} s)${banner ? `; banner: ${banner}` : ""}`);
    await sleep(5000);
    await refresh(page, refreshTestid);
  }
}

// The scenario --------------------------------------------------------------------------------

async function scenario(pages, urls, browser) {
  const suffix = new Date().toISOString().slice(11, 19);
  const projectName = `Open Spectrometer ${suffix}`;
  const description = `Soldered the sensor board (e2e ${suffix})`;

  // Alice: profile, project, contribution.
  const alice = (pages.alice = await openPage(browser, "alice", urls[0]));
  await createProfile(alice, "alice");

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

  for (const [name, page] of Object.entries(pages)) {
    const banner = await bannerText(page);
    check(!banner, `${name}'s page shows an error banner at the end: ${banner}`);
  }
  failOnPageErrors();
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
